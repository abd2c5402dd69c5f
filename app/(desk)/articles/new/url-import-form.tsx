"use client";
import { useActionState } from "react";
import Link from "next/link";
import { importUrlAction } from "./actions";
import { inputClass, buttonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";

// The desk fetches the page itself; an outlet the admin names wins over the page's own site name.
export function UrlImportForm() {
  const [state, formAction, pending] = useActionState(importUrlAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="mb-8 max-w-3xl space-y-3 rounded border border-stone-200 p-4" noValidate>
      <h2 className="text-lg font-semibold">Import from an address</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Article address" errors={errors.url} className="sm:col-span-2">
          {(c) => <input {...c} name="url" type="url" required placeholder="https://…" className={inputClass} />}
        </Field>
        {/* Not labelled "Outlet": the paste form below has that field. */}
        <Field label="Publisher (optional)" errors={errors.outlet}>
          {(c) => <input {...c} name="outlet" list="outlet-names" placeholder="else the page's site name" className={inputClass} />}
        </Field>
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Fetching…" : "Fetch the page"}
      </button>
      <p aria-live="polite" role="status" className={state && !state.ok ? "text-red-700" : ""}>
        {state?.ok && (
          <>
            {state.data.duplicate ? "Already imported: " : `Imported with ${state.data.claims} claims: `}
            <Link href={`/articles/${state.data.articleId}`} className="text-blue-700 underline">
              {state.data.title ?? "open the article"}
            </Link>
          </>
        )}
        {state && !state.ok && !state.fieldErrors && state.message}
      </p>
    </form>
  );
}
