"use client";
import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "./actions";
import { inputClass, secondaryButtonClass } from "../../_components/ui";
import { SubmitWithStatus } from "../../_components/action-status";
import { Field } from "../../_components/field";

type Owner = { id: string; name: string; email: string };

export function CreateTokenForm({ users, selfId }: { users: Owner[]; selfId: string }) {
  const [state, formAction, pending] = useActionState(createTokenAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <Field label="Token name" errors={errors.name}>
        {(f) => <input {...f} name="name" required maxLength={100} className={inputClass} />}
      </Field>
      <Field label="Owner" errors={errors.ownerId}>
        {(f) => (
          <select {...f} name="ownerId" defaultValue={selfId} className={inputClass}>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.id === selfId ? `Yourself (${u.email})` : `${u.name} (${u.email})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitWithStatus label="Create token" pending={pending} state={state}>
        {(d) => (
          <div role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            Token {d.prefix}… for {d.owner}:{" "}
            <code className="break-all font-mono font-semibold" aria-label="New token secret">
              {d.secret}
            </code>
            <br />
            It is shown only now. Copy it into the integration that will use it.
          </div>
        )}
      </SubmitWithStatus>
    </form>
  );
}

export function RevokeTokenButton({ id, prefix }: { id: string; prefix: string }) {
  const [state, formAction, pending] = useActionState(revokeTokenAction, null);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={secondaryButtonClass} aria-label={`Revoke ${prefix}`}>
        Revoke
      </button>
      <span aria-live="polite" className="ml-2 text-sm text-red-700">
        {state && !state.ok ? state.message : ""}
      </span>
    </form>
  );
}
