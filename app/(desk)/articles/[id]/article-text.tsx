"use client";
import { useActionState, useState } from "react";
import Link from "next/link";
import type { Paragraph } from "@/lib/articles/highlight";
import { addClaimAction, adjustSpanAction } from "./actions";
import { secondaryButtonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";
import { styleOf } from "./status-style";

export type TextClaim = { id: string; text: string; status: string; setAside: string | null; version: number; kind: string; checkworthiness: number };

type Sel = { start: number; end: number; text: string };

// Offsets into the article text: every segment carries its start, so a DOM position maps back.
function offsetOf(node: Node, offset: number): number | null {
  const el = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest("[data-start]");
  if (!el) return null;
  const range = document.createRange();
  range.setStart(el, 0);
  range.setEnd(node, offset);
  return Number((el as HTMLElement).dataset.start) + range.toString().length;
}

function ActionMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  return (
    <span aria-live="polite" className={`ml-2 text-sm ${state && !state.ok ? "text-red-700" : ""}`}>
      {state ? (state.ok ? "Saved." : state.message) : ""}
    </span>
  );
}

// What both selection forms send: the article and the selected offsets, snapped or exact.
function SelectionFields({ articleId, sel, snap }: { articleId: string; sel: Sel | null; snap: boolean }) {
  return (
    <>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="start" value={sel?.start ?? ""} />
      <input type="hidden" name="end" value={sel?.end ?? ""} />
      <input type="hidden" name="snap" value={snap ? "sentence" : "exact"} />
    </>
  );
}

export function ArticleText({ articleId, paragraphs, claims }: { articleId: string; paragraphs: Paragraph[]; claims: TextClaim[] }) {
  const [sel, setSel] = useState<Sel | null>(null);
  const [snap, setSnap] = useState(true);
  const [spanClaim, setSpanClaim] = useState("");
  const [added, addAction, adding] = useActionState(addClaimAction, null);
  const [adjusted, adjustAction, adjusting] = useActionState(adjustSpanAction, null);
  const byId = new Map(claims.map((c) => [c.id, c]));

  function onSelect() {
    const s = window.getSelection();
    if (!s || s.isCollapsed || !s.rangeCount) return setSel(null);
    const r = s.getRangeAt(0);
    const a = offsetOf(r.startContainer, r.startOffset);
    const b = offsetOf(r.endContainer, r.endOffset);
    setSel(a !== null && b !== null && b > a ? { start: a, end: b, text: s.toString() } : null);
  }

  return (
    <div>
      <section aria-label="Article text" onMouseUp={onSelect} onKeyUp={onSelect} className="max-w-3xl space-y-4 leading-relaxed">
        {paragraphs.map((p) => (
          <p key={p.start}>
            {p.segments.map((s) => {
              const claim = s.claimId ? byId.get(s.claimId) : undefined;
              if (!claim)
                return (
                  <span key={s.start} data-start={s.start}>
                    {s.text}
                  </span>
                );
              const style = styleOf(claim);
              return (
                <mark
                  key={s.start}
                  data-start={s.start}
                  aria-label={`Claim: ${claim.text}`}
                  title={`${style.label} · ${claim.kind.toLowerCase()} · check-worthiness ${claim.checkworthiness.toFixed(2)}`}
                  className={`rounded px-0.5 text-inherit ${style.className}`}
                >
                  <Link href={`/claims/${claim.id}`} className="text-inherit no-underline hover:underline">
                    {s.text}
                  </Link>
                </mark>
              );
            })}
          </p>
        ))}
      </section>
      <div role="region" aria-label="Selection" className="sticky bottom-0 mt-4 max-w-3xl rounded border border-stone-300 bg-white p-3 text-sm shadow">
        {sel ? (
          <p>Selected: “{sel.text.length > 120 ? `${sel.text.slice(0, 120)}…` : sel.text}”</p>
        ) : (
          <p>Select text in the article to add a claim the extractor missed, or to move a claim’s span.</p>
        )}
        <Field label="Whole sentences" layout="check" className="mr-3 inline-flex items-center gap-1" noErrors>
          {(f) => <input {...f} type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} />}
        </Field>
        <form action={addAction} className="inline">
          <SelectionFields articleId={articleId} sel={sel} snap={snap} />
          <button type="submit" disabled={!sel || adding} className={secondaryButtonClass}>
            Add claim from selection
          </button>
          <ActionMessage state={added} />
        </form>
        <form action={adjustAction} className="mt-2 flex flex-wrap items-center gap-2">
          <SelectionFields articleId={articleId} sel={sel} snap={snap} />
          <Field label="Move the span of" layout="inline" className="contents" noErrors>
            {(f) => (
              <select
                {...f}
                name="id"
                className="max-w-xs rounded border border-stone-300 px-2 py-1"
                value={spanClaim}
                onChange={(e) => setSpanClaim(e.target.value)}
              >
                <option value="" disabled>
                  a claim…
                </option>
                {claims.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.text.slice(0, 70)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {/* Follows the claim's current version, which each saved change bumps. */}
          <input type="hidden" name="version" value={byId.get(spanClaim)?.version ?? ""} />
          <button type="submit" disabled={!sel || !spanClaim || adjusting} className={secondaryButtonClass}>
            Use selection as span
          </button>
          <ActionMessage state={adjusted} />
        </form>
      </div>
    </div>
  );
}
