"use client";
import { useActionState } from "react";
import { saveSettingsAction } from "./actions";
import { inputClass } from "../../_components/ui";
import { StatusText, SubmitWithStatus } from "../../_components/action-status";
import { Field } from "../../_components/field";

type Values = { organisationName: string; organisationUrl: string | null; siteUrl: string | null; checkworthinessThreshold: number; publicPages: boolean };

export function SettingsForm({ values }: { values: Values }) {
  const [state, formAction, pending] = useActionState(saveSettingsAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const v = state?.ok ? state.data : values;
  return (
    <form action={formAction} className="max-w-xl space-y-2" noValidate key={state?.ok ? JSON.stringify(state.data) : "initial"}>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-lg font-semibold">ClaimReview publisher</legend>
        <Field label="Organisation name" errors={errors.organisationName}>
          {(f) => <input {...f} name="organisationName" required maxLength={200} defaultValue={v.organisationName} className={inputClass} />}
        </Field>
        <Field label="Organisation URL" errors={errors.organisationUrl}>
          {(f) => <input {...f} name="organisationUrl" type="url" defaultValue={v.organisationUrl ?? ""} className={inputClass} />}
        </Field>
        <Field label={<>Public site address (leave empty to use NEXTAUTH_URL or the request&apos;s address)</>} errors={errors.siteUrl}>
          {(f) => <input {...f} name="siteUrl" type="url" defaultValue={v.siteUrl ?? ""} className={inputClass} />}
        </Field>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-lg font-semibold">Import</legend>
        <Field
          label="Check-worthiness threshold (0 to 1)"
          hint="Sentences scoring below it are not extracted as claims. Applies to articles imported from now on."
          errors={errors.checkworthinessThreshold}
        >
          {(f) => (
            <input
              {...f}
              name="checkworthinessThreshold"
              type="number"
              min={0}
              max={1}
              step="any"
              required
              defaultValue={v.checkworthinessThreshold}
              className={inputClass}
            />
          )}
        </Field>
      </fieldset>
      <Field label="Publish public claim pages" layout="check" labelClassName="font-medium" noErrors>
        {(f) => <input {...f} name="publicPages" type="checkbox" defaultChecked={v.publicPages} />}
      </Field>
      <p className="text-sm text-stone-600">When on, every reviewed claim has a public read-only page at /r/&lt;claim id&gt; with its ClaimReview markup.</p>
      <SubmitWithStatus label="Save settings" pending={pending} state={state}>
        {() => <StatusText>Settings saved.</StatusText>}
      </SubmitWithStatus>
    </form>
  );
}
