// Shared by the server page (legend) and the client text and claim list: not a "use client" module,
// so the server reads the object itself rather than a client reference.
// Colours carry the status; the legend and each claim's label say it in words too.
export const STATUS_STYLE: Record<string, { label: string; className: string }> = {
  UNREVIEWED: { label: "Unreviewed", className: "bg-amber-100" },
  CORROBORATED: { label: "Corroborated", className: "bg-green-200" },
  SINGLE_SOURCED: { label: "Single-sourced", className: "bg-sky-200" },
  CONTRADICTED: { label: "Contradicted", className: "bg-red-200" },
  SET_ASIDE: { label: "Set aside (not checkable)", className: "bg-stone-200 text-stone-600 line-through decoration-stone-400" },
};
export const styleOf = (c: { status: string; setAside: string | null }) => STATUS_STYLE[c.setAside ? "SET_ASIDE" : c.status];
