// Which words of a suggested passage to emphasise, from the matcher's reasons: what differs
// ("numbers differ: 12 vs 9", "different person: A vs B") is strong, what is shared is emphasis.
export type Emphasis = "differs" | "shared";
export type Piece = { text: string; emphasis?: Emphasis };

const DIFFER = /^(?:numbers differ|dates differ|different dates|different place|different person|different cause):\s*(.+)$/i;
const SHARED = /^(?:shared entities|shared words|same numbers|same date|compatible dates|same source):\s*(.+)$/i;

function tokens(list: string): string[] {
  return list
    .split(/\s+vs\s+|,\s*/)
    .map((t) => t.trim().replace(/^['"‘“]+|['"’”]+$/g, ""))
    .filter((t) => t.length >= 2 || /\d/.test(t));
}

export function reasonTokens(reasons: string[]): { token: string; emphasis: Emphasis }[] {
  const out = new Map<string, Emphasis>();
  for (const r of reasons) {
    const d = DIFFER.exec(r),
      s = SHARED.exec(r);
    if (d) for (const t of tokens(d[1])) out.set(t, "differs");
    else if (s) for (const t of tokens(s[1])) if (!out.has(t)) out.set(t, "shared");
  }
  return [...out].map(([token, emphasis]) => ({ token, emphasis }));
}

// Splits text into plain and emphasised pieces, longest tokens first, without overlaps.
export function emphasise(text: string, marks: { token: string; emphasis: Emphasis }[]): Piece[] {
  const lower = text.toLowerCase();
  const taken: { start: number; end: number; emphasis: Emphasis }[] = [];
  for (const m of [...marks].sort((a, b) => b.token.length - a.token.length)) {
    const needle = m.token.toLowerCase();
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
      const end = i + needle.length;
      const wordEdge = !/[\p{L}\p{N}]/u.test(text[i - 1] ?? "") && !/[\p{L}\p{N}]/u.test(text[end] ?? "");
      if (wordEdge && !taken.some((t) => t.start < end && t.end > i)) taken.push({ start: i, end, emphasis: m.emphasis });
    }
  }
  taken.sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const t of taken) {
    if (t.start > at) out.push({ text: text.slice(at, t.start) });
    out.push({ text: text.slice(t.start, t.end), emphasis: t.emphasis });
    at = t.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
