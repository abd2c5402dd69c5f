// Splits an article into paragraphs of plain and claim segments by character offsets, so pages
// render article text as React text (never HTML) with the claims marked.
export type Segment = { text: string; start: number; claimId?: string };
export type Paragraph = { start: number; segments: Segment[] };

export function paragraphs(text: string, claims: { id: string; start: number; end: number }[]): Paragraph[] {
  const sorted = [...claims].sort((a, b) => a.start - b.start);
  const out: Paragraph[] = [];
  const re = /\n\s*\n/g;
  let from = 0;
  const bounds: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    bounds.push([from, m.index]);
    from = m.index + m[0].length;
  }
  bounds.push([from, text.length]);
  for (const [pStart, pEnd] of bounds) {
    if (pStart >= pEnd) continue;
    const segments: Segment[] = [];
    let at = pStart;
    for (const c of sorted) {
      if (c.end <= pStart || c.start >= pEnd || c.start < at) continue;
      if (c.start > at) segments.push({ text: text.slice(at, c.start), start: at });
      const end = Math.min(c.end, pEnd);
      segments.push({ text: text.slice(c.start, end), start: c.start, claimId: c.id });
      at = end;
    }
    if (at < pEnd) segments.push({ text: text.slice(at, pEnd), start: at });
    out.push({ start: pStart, segments });
  }
  return out;
}
