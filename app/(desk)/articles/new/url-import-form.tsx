"use client";
import { useActionState } from "react";
import Link from "next/link";
import { importUrlAction } from "./actions";
import { inputClass, buttonClass, FieldError } from "../../../_components/ui";

// The desk fetches the page itself; an outlet the admin names wins over the page's own site name.
export function UrlImportForm() {
  const [state, formAction, pending] = useActionState(importUrlAction, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} className="mb-8 max-w-3xl space-y-3 rounded border border-stone-200 p-4" noValidate>
      <h2 className="text-lg font-semibold">Import from an address</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <label htmlFor="fetch-url" className="block font-medium">Article address</label>
          <input id="fetch-url" name="url" type="url" required placeholder="https://…" aria-describedby="fetch-url-error" className={inputClass} />
          <FieldError id="fetch-url-error" errors={errors.url} />
        </div>
        <div>
          {/* Not labelled "Outlet": the paste form below has that field. */}
          <label htmlFor="fetch-outlet" className="block font-medium">Publisher (optional)</label>
          <input id="fetch-outlet" name="outlet" list="outlet-names" placeholder="else the page's site name" className={inputClass} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? "Fetching…" : "Fetch the page"}</button>
      <p aria-live="polite" role="status" className={state && !state.ok ? "text-red-700" : ""}>
        {state?.ok && (
          <>
            {state.data.duplicate ? "Already imported: " : `Imported with ${state.data.claims} claims: `}
            <Link href={`/articles/${state.data.articleId}`} className="text-blue-700 underline">{state.data.title ?? "open the article"}</Link>
          </>
        )}
        {state && !state.ok && !state.fieldErrors && state.message}
      </p>
    </form>
  );
}
