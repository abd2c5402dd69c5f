import Link from "next/link";
import type { Cell, CellClaim, Status } from "@/lib/stories/grid";
import { STATUS_LABELS } from "@/lib/queue/schema";

export const statusLabel = (s: Status) => STATUS_LABELS[s];
export const excerpt = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t);

// Colour only repeats what the words say.
const TONE: Record<CellClaim["relation"], string> = {
  anchor: "border-stone-400",
  supports: "border-green-700",
  contradicts: "border-red-700",
  indirect: "border-dashed border-stone-500",
};
const WORD: Record<CellClaim["relation"], string> = {
  anchor: "anchor",
  supports: "supports",
  contradicts: "contradicts",
  indirect: "indirect: linked to the row through a contradiction, not to the anchor",
};

function ClaimLink({ c }: { c: CellClaim }) {
  return (
    <Link href={`/claims/${c.id}`} className={`block border-l-4 pl-2 hover:bg-stone-50 ${TONE[c.relation]}`}>
      <span className="font-semibold text-stone-900">{WORD[c.relation]}</span>
      <span className="text-stone-700"> · {statusLabel(c.status)}</span>
      <span className="block text-xs text-blue-800 underline">{excerpt(c.text, 90)}</span>
    </Link>
  );
}

export function GridCell({ cell }: { cell: Cell }) {
  if (!cell || cell.claims.length === 0)
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">absent</span>
      </>
    );
  const [first, ...rest] = cell.claims;
  return (
    <div>
      {rest.length > 0 && (
        <p className="mb-1 text-xs text-stone-600">
          {cell.relation === "anchor" ? "anchor's outlet" : `${cell.relation} overall`}, {cell.claims.length} claims
        </p>
      )}
      <ClaimLink c={first} />
      {rest.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-stone-700">{rest.length} more</summary>
          <ul className="mt-1 space-y-1">
            {rest.map((c) => (
              <li key={c.id}>
                <ClaimLink c={c} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
