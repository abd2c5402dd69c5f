"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import type { OutletJson } from "@/lib/outlets/data";
import { createOutletAction, updateOutletAction } from "./actions";
import { inputClass, buttonClass, secondaryButtonClass } from "../../_components/ui";
import { ActionStatus, StatusText, SubmitWithStatus } from "../../_components/action-status";
import { submitKeepingValues } from "../../_components/submit-keeping-values";
import { Field } from "../../_components/field";

type Values = Pick<OutletJson, "name" | "domain" | "originGroup" | "notes">;
type FormState = Awaited<ReturnType<typeof createOutletAction>>;

function errorsOf(state: FormState) {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}

function OutletFields({ values, errors, autoFocus }: { values?: Values; errors: Record<string, string[]>; autoFocus?: boolean }) {
  return (
    <>
      <Field label="Name" errors={errors.name}>
        {(f) => <input {...f} name="name" required maxLength={200} autoFocus={autoFocus} defaultValue={values?.name} className={inputClass} />}
      </Field>
      <Field label="Domain" errors={errors.domain}>
        {(f) => <input {...f} name="domain" inputMode="url" placeholder="reuters.com" defaultValue={values?.domain ?? ""} className={inputClass} />}
      </Field>
      <Field
        label="Origin group"
        hint="Outlets sharing a group are not independent of each other, e.g. a wire and those that reprint it."
        errors={errors.originGroup}
      >
        {(f) => <input {...f} name="originGroup" maxLength={200} placeholder="Reuters wire" defaultValue={values?.originGroup ?? ""} className={inputClass} />}
      </Field>
      <Field label="Notes" errors={errors.notes}>
        {(f) => <textarea {...f} name="notes" rows={2} maxLength={2000} defaultValue={values?.notes ?? ""} className={inputClass} />}
      </Field>
    </>
  );
}

export function CreateOutletForm() {
  const [state, formAction, pending] = useActionState(createOutletAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} onSubmit={submitKeepingValues(formAction)} className="space-y-2" noValidate>
      <OutletFields errors={errorsOf(state)} />
      <SubmitWithStatus label="Create outlet" pending={pending} state={state}>
        {(d) => <StatusText>Created {d.name}.</StatusText>}
      </SubmitWithStatus>
    </form>
  );
}

// One table row, and under it, while open, a row with the form that edits it.
export function OutletRow({ outlet }: { outlet: OutletJson }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(updateOutletAction, null);
  // Messages from an earlier opening of the form are not shown again when it reopens.
  const [openedWith, setOpenedWith] = useState<FormState>(null);
  const fresh = state === openedWith ? null : state;
  const editButton = useRef<HTMLButtonElement>(null);
  const toggle = (next: boolean) => {
    if (next) setOpenedWith(state);
    setOpen(next);
    if (!next) editButton.current?.focus();
  };
  useEffect(() => {
    if (!state?.ok) return;
    setOpen(false);
    editButton.current?.focus();
  }, [state]);
  const formId = `edit-outlet-${outlet.id}`;
  return (
    <>
      <tr className="border-b border-stone-200 align-top">
        <td className="py-2 pr-3">
          <bdi>{outlet.name}</bdi>
        </td>
        <td className="py-2 pr-3">{outlet.domain}</td>
        <td className="py-2 pr-3">{outlet.originGroup}</td>
        <td className="py-2 pr-3 text-right tabular-nums">{outlet.articleCount}</td>
        <td className="py-2">
          <button
            ref={editButton}
            type="button"
            onClick={() => toggle(!open)}
            aria-expanded={open}
            aria-controls={open ? formId : undefined}
            aria-label={`Edit ${outlet.name}`}
            className={secondaryButtonClass}
          >
            Edit
          </button>
          <div aria-live="polite">{fresh?.ok && !open && <StatusText>Saved.</StatusText>}</div>
        </td>
      </tr>
      {open && (
        <tr className="border-b border-stone-200 bg-stone-50">
          <td colSpan={5} className="p-3">
            <form
              id={formId}
              aria-label={`Edit ${outlet.name}`}
              action={formAction}
              onSubmit={submitKeepingValues(formAction)}
              className="max-w-md space-y-2"
              noValidate
            >
              <input type="hidden" name="id" value={outlet.id} />
              <OutletFields values={outlet} errors={errorsOf(fresh)} autoFocus />
              <div className="flex gap-2">
                <button type="submit" disabled={pending} className={buttonClass}>
                  Save
                </button>
                <button type="button" onClick={() => toggle(false)} className={secondaryButtonClass}>
                  Cancel
                </button>
              </div>
              <ActionStatus state={fresh} />
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
