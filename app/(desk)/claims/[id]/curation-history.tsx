import type { claimEdits, CurationAction } from "@/lib/claims/data";
import { Section } from "../../../_components/ui";

const PHRASE: Record<CurationAction, string> = {
  add: "added this claim",
  span: "moved its span",
  split: "split it",
  split_from: "split it off another claim",
  merge: "merged a duplicate into it",
  merge_into: "merged it into another claim",
  set_aside: "set it aside",
  restore: "restored it to the queue",
};
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

// The claim's curation changes (docs/decisions/016), beside its verdict and link history; read by
// the page with its other reads, at once.
export function CurationHistory({ edits }: { edits: Awaited<ReturnType<typeof claimEdits>> }) {
  if (!edits.length) return null;
  return (
    <Section id="curation-title" title="Curation">
      <ol aria-labelledby="curation-title" className="space-y-2 text-sm">
        {edits.map((e, i) => (
          <li key={i} className="rounded border border-stone-200 bg-white p-2">
            <strong>{e.actor?.name ?? "System"}</strong> · <time dateTime={e.at.toISOString()}>{when(e.at)}</time> · {PHRASE[e.action]}
            {e.action === "set_aside" && e.after && typeof e.after === "object" && "setAside" in e.after ? ` (${String(e.after.setAside).toLowerCase()})` : ""}
            {e.note && <span className="text-stone-600"> · {e.note}</span>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
