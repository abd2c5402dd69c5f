// What a verdict needs from the confirmed links of its claim. Pure: the server checks these inside
// the transaction that writes the verdict; the page uses them to warn before saving.
export type Verdict = "corroborated" | "single_sourced" | "contradicted";
export type ConfirmedLink = { relation: "supports" | "contradicts"; independent: boolean };

export const VERDICT_LABEL: Record<Verdict | "unreviewed", string> = {
  unreviewed: "Unreviewed",
  corroborated: "Corroborated",
  single_sourced: "Single-sourced",
  contradicted: "Contradicted",
};

// A copy of the same wire story, or an outlet of the same origin group, corroborates nothing:
// `independent` is false for those (lib/match/independence.ts).
export function verdictProblem(verdict: Verdict, links: ConfirmedLink[]): string | null {
  const independentSupport = links.some((l) => l.relation === "supports" && l.independent);
  switch (verdict) {
    case "corroborated":
      return independentSupport ? null : "Corroborated needs at least one confirmed supporting link to an independent outlet. Link a supporting passage first.";
    case "contradicted":
      return links.some((l) => l.relation === "contradicts") ? null : "Contradicted needs at least one confirmed contradicting link. Link a contradicting passage first.";
    case "single_sourced":
      return independentSupport
        ? "Single-sourced is not possible while an independent outlet is linked as supporting. Unlink it or choose Corroborated."
        : null;
  }
}
