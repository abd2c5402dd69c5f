"use client";
import { useState, useTransition } from "react";
import { setWireCreditAction } from "../actions";
import { inputClass, secondaryButtonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";

// Admins correct the wire credit; the article's links are re-judged for independence at once.
export function WireCreditForm({ articleId, wireCredit }: { articleId: string; wireCredit: string | null }) {
  const [value, setValue] = useState(wireCredit ?? "");
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await setWireCreditAction(null, { id: articleId, wireCredit: value });
      if (!res) return;
      if (!res.ok) setMessage(res.message);
      else if (!res.data.changed) setMessage("Unchanged.");
      else {
        const { changed = 0, flagged = 0 } = res.data.independence ?? {};
        setMessage(
          `Saved. Independence changed on ${changed} link${changed === 1 ? "" : "s"}; ${flagged} verdict${flagged === 1 ? "" : "s"} flagged for re-review.`,
        );
      }
    });
  }
  return (
    <form onSubmit={submit} aria-label="Wire credit" className="mb-4 flex max-w-xl flex-wrap items-end gap-2 text-sm">
      <Field label="Wire credit" className="grow" noErrors>
        {(f) => <input {...f} value={value} onChange={(e) => setValue(e.target.value)} maxLength={200} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        Save wire credit
      </button>
      <p aria-live="polite" className="w-full text-stone-700">
        {message}
      </p>
    </form>
  );
}
