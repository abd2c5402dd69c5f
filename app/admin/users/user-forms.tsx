"use client";
import { useActionState } from "react";
import { createUserAction, updateUserAction } from "./actions";
import { inputClass, secondaryButtonClass } from "../../_components/ui";
import { ActionStatus, StatusText, SubmitWithStatus } from "../../_components/action-status";
import { Field } from "../../_components/field";

function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      Password for {email}:{" "}
      <code className="font-mono font-semibold" aria-label="One-time password">
        {password}
      </code>
      <br />
      It is shown only now. Pass it on securely.
    </div>
  );
}

export function CreateUserForm() {
  const [state, formAction, pending] = useActionState(createUserAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <Field label="Email" errors={errors.email}>
        {(f) => <input {...f} name="email" type="email" required className={inputClass} />}
      </Field>
      <Field label="Name" errors={errors.name}>
        {(f) => <input {...f} name="name" required className={inputClass} />}
      </Field>
      <Field label="Role" errors={errors.role}>
        {(f) => (
          <select {...f} name="role" defaultValue="REVIEWER" className={inputClass}>
            <option value="REVIEWER">Reviewer</option>
            <option value="ADMIN">Admin</option>
          </select>
        )}
      </Field>
      <Field label="Password (leave empty to generate one)" errors={errors.password}>
        {(f) => <input {...f} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <SubmitWithStatus label="Create user" pending={pending} state={state}>
        {(d) => (d.password ? <OneTimePassword email={d.email} password={d.password} /> : <StatusText>Created {d.email}.</StatusText>)}
      </SubmitWithStatus>
    </form>
  );
}

type Row = { id: string; email: string; role: "ADMIN" | "REVIEWER"; active: boolean };

export function UserRowActions({ user, isSelf }: { user: Row; isSelf: boolean }) {
  const [state, formAction, pending] = useActionState(updateUserAction, null);
  const button = (action: string, label: string, extra?: React.ReactNode) => (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="action" value={action} />
      {extra}
      <button type="submit" disabled={pending} className={secondaryButtonClass} aria-label={`${label} ${user.email}`}>
        {label}
      </button>
    </form>
  );
  return (
    <div className="flex flex-wrap gap-2">
      {!isSelf && (user.active ? button("deactivate", "Deactivate") : button("reactivate", "Reactivate"))}
      {!isSelf &&
        button(
          "set_role",
          user.role === "ADMIN" ? "Make reviewer" : "Make admin",
          <input type="hidden" name="role" value={user.role === "ADMIN" ? "REVIEWER" : "ADMIN"} />,
        )}
      {button("reset_password", "Reset password")}
      <ActionStatus state={state} className="w-full">
        {(d) => d.password && <OneTimePassword email={d.email} password={d.password} />}
      </ActionStatus>
    </div>
  );
}
