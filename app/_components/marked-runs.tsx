type Mark = { tag: "ins" | "del" | "strong" | "em"; className: string };

// Text in runs, each run marked with the element (and look) its kind calls for, or plain when its
// kind has no mark: a diff's insertions and deletions, a passage's differing and shared words.
export function MarkedRuns<K extends string>({ runs, marks }: { runs: { kind?: K; text: string }[]; marks: Partial<Record<K, Mark>> }) {
  return (
    <>
      {runs.map((r, i) => {
        const mark = r.kind === undefined ? undefined : marks[r.kind];
        if (!mark) return <span key={i}>{r.text}</span>;
        const Tag = mark.tag;
        return (
          <Tag key={i} className={mark.className}>
            {r.text}
          </Tag>
        );
      })}
    </>
  );
}
