"use client";
import { useActionState } from "react";
import { saveSettingsAction } from "./actions";
import { inputClass, buttonClass, FieldError } from "../../_components/ui";

type Values = { organisationName: string; organisationUrl: string | null; siteUrl: string | null; checkworthinessThreshold: number; publicPages: boolean };

export function SettingsForm({ values }: { values: Values }) {
  const [state, formAction, pending] = useActionState(saveSettingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const v = state?.ok ? state.data : values;
  return (
    <form action={formAction} className="max-w-xl space-y-2" noValidate key={state?.ok ? JSON.stringify(state.data) : "initial"}>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-lg font-semibold">ClaimReview publisher</legend>
        <label htmlFor="organisationName" className="block font-medium">Organisation name</label>
        <input id="organisationName" name="organisationName" required maxLength={200} defaultValue={v.organisationName} aria-describedby="organisationName-error" className={inputClass} />
        <FieldError id="organisationName-error" errors={errors.organisationName} />
        <label htmlFor="organisationUrl" className="block font-medium">Organisation URL</label>
        <input id="organisationUrl" name="organisationUrl" type="url" defaultValue={v.organisationUrl ?? ""} aria-describedby="organisationUrl-error" className={inputClass} />
        <FieldError id="organisationUrl-error" errors={errors.organisationUrl} />
        <label htmlFor="siteUrl" className="block font-medium">Public site address (leave empty to use NEXTAUTH_URL or the request&apos;s address)</label>
        <input id="siteUrl" name="siteUrl" type="url" defaultValue={v.siteUrl ?? ""} aria-describedby="siteUrl-error" className={inputClass} />
        <FieldError id="siteUrl-error" errors={errors.siteUrl} />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-lg font-semibold">Import</legend>
        <label htmlFor="checkworthinessThreshold" className="block font-medium">Check-worthiness threshold (0 to 1)</label>
        <input id="checkworthinessThreshold" name="checkworthinessThreshold" type="number" min={0} max={1} step="any" required defaultValue={v.checkworthinessThreshold} aria-describedby="checkworthinessThreshold-hint checkworthinessThreshold-error" className={inputClass} />
        <p id="checkworthinessThreshold-hint" className="text-sm text-stone-600">Sentences scoring below it are not extracted as claims. Applies to articles imported from now on.</p>
        <FieldError id="checkworthinessThreshold-error" errors={errors.checkworthinessThreshold} />
      </fieldset>
      <div className="flex items-center gap-2">
        <input id="publicPages" name="publicPages" type="checkbox" defaultChecked={v.publicPages} />
        <label htmlFor="publicPages" className="font-medium">Publish public claim pages</label>
      </div>
      <p className="text-sm text-stone-600">When on, every reviewed claim has a public read-only page at /r/&lt;claim id&gt; with its ClaimReview markup.</p>
      <button type="submit" disabled={pending} className={buttonClass}>Save settings</button>
      <div aria-live="polite">
        {state && !state.ok && <p className="text-sm text-red-700">{state.message}</p>}
        {state?.ok && <p role="status" className="text-sm">Settings saved.</p>}
      </div>
    </form>
  );
}
