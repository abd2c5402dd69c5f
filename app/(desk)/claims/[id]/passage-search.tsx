"use client";
import { useState, useTransition } from "react";
import type { PassageHit } from "@/lib/links/data";
import { searchPassagesAction } from "./actions";
import { PassageActions } from "./passage-actions";
import { PassageInContext } from "./passage";
import { inputClass, secondaryButtonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";

// Manual linking: any sentence of another outlet's article, claim or not, can be linked.
export function PassageSearch({ claimId }: { claimId: string }) {
  const [hits, setHits] = useState<PassageHit[] | null>(null);
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();

  // The query is read from the form, not from state: what was typed before the page hydrated counts.
  function search(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get("q") ?? "");
    start(async () => {
      const res = await searchPassagesAction(null, { claimId, q });
      if (res?.ok) {
        setHits(res.data);
        setMessage(
          res.data.length ? `${res.data.length} passage${res.data.length === 1 ? "" : "s"} found.` : "No passage of another outlet contains those words.",
        );
      } else if (res) setMessage(res.message);
    });
  }

  return (
    <section aria-labelledby="search-title" className="space-y-2">
      <h2 id="search-title" className="text-lg font-semibold">
        Link a passage by hand
      </h2>
      <form role="search" onSubmit={search} className="flex gap-2">
        <Field label="Search other articles" hideLabel noErrors>
          {(f) => <input {...f} type="search" name="q" placeholder="Search other articles" className={inputClass} />}
        </Field>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          Search
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-stone-600">
        {message}
      </p>
      {hits && hits.length > 0 && (
        <ul aria-label="Search results" className="space-y-2">
          {hits.map((h) => (
            <li key={`${h.articleId}:${h.start}`} className="rounded border border-stone-200 bg-white p-2 text-sm">
              <p className="mb-1 text-stone-600">
                {h.outlet}
                {h.title ? ` · ${h.title}` : ""}
                {h.claimId ? " · claim" : " · sentence (becomes a claim when linked)"}
              </p>
              <PassageInContext prefix={h.prefix} text={h.text} suffix={h.suffix} />
              <PassageActions
                claimId={claimId}
                mode="search"
                label={h.text}
                target={h.claimId ? { claimId: h.claimId } : { articleId: h.articleId, start: h.start, end: h.end }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
