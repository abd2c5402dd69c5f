"use client";
import { useActionState } from "react";
import { setWireCreditAction } from "../actions";
import { inputClass, secondaryButtonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";
import { submitKeepingValues } from "../../../_components/submit-keeping-values";

// Admins correct the wire credit; the article's links are re-judged for independence at once.
// A form action with an uncontrolled input, like the admin forms: what is typed before the page
// hydrates is what gets saved (a controlled input was reset by hydration, and CI saw "Unchanged.").
export function WireCreditForm({ articleId, wireCredit }: { articleId: string; wireCredit: string | null }) {
  const [res, saveAction, pending] = useActionState(setWireCreditAction, null);
  let message = "";
  if (res && !res.ok) message = res.message;
  else if (res && !res.data.changed) message = "Unchanged.";
  else if (res) {
    const { changed = 0, flagged = 0 } = res.data.independence ?? {};
    message = `Saved. Independence changed on ${changed} link${changed === 1 ? "" : "s"}; ${flagged} verdict${flagged === 1 ? "" : "s"} flagged for re-review.`;
  }
  return (
    <form
      action={saveAction}
      onSubmit={submitKeepingValues(saveAction)}
      aria-label="Wire credit"
      className="mb-4 flex max-w-xl flex-wrap items-end gap-2 text-sm"
    >
      <input type="hidden" name="id" value={articleId} />
      <Field label="Wire credit" className="grow" noErrors>
        {(f) => <input {...f} name="wireCredit" defaultValue={wireCredit ?? ""} maxLength={200} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        Save wire credit
      </button>
      <p aria-live="polite" className={`w-full ${res && !res.ok ? "text-red-700" : "text-stone-700"}`}>
        {message}
      </p>
    </form>
  );
}
