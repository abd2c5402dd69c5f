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

// A rationale that explains why evidence against the verdict is outweighed must say something.
export const MIN_JUSTIFICATION = 20;

// A copy of the same wire story, or an outlet of the same origin group, corroborates nothing:
// `independent` is false for those (lib/match/independence.ts).
export function verdictProblem(verdict: Verdict, links: ConfirmedLink[]): string | null {
  const independentSupport = links.some((l) => l.relation === "supports" && l.independent);
  switch (verdict) {
    case "corroborated":
      if (independentSupport) return null;
      // A reviewer who linked a copy of the same wire story must learn why it does not count.
      return links.some((l) => l.relation === "supports")
        ? "Corroborated needs at least one confirmed supporting link to an independent outlet. The supporting links confirmed so far are copies of the same wire story or outlets of the same group: link a passage from an independent outlet, or choose Single-sourced."
        : "Corroborated needs at least one confirmed supporting link to an independent outlet. Link a supporting passage first.";
    case "contradicted":
      return links.some((l) => l.relation === "contradicts")
        ? null
        : "Contradicted needs at least one confirmed contradicting link. Link a contradicting passage first.";
    case "single_sourced":
      return independentSupport
        ? "Single-sourced is not possible while an independent outlet is linked as supporting. Unlink it or choose Corroborated."
        : null;
  }
}

/**
 * Evidence that speaks against the verdict: the verdict may stand, but only with a rationale that
 * says why that evidence is outweighed (docs/decisions/014). Null when nothing speaks against it.
 */
export function justificationNeeded(verdict: Verdict, links: ConfirmedLink[]): string | null {
  if (verdict === "corroborated" && links.some((l) => l.relation === "contradicts"))
    return "Corroborated beside a confirmed contradicting link needs a rationale that says why the contradiction is outweighed.";
  if (verdict === "contradicted" && links.some((l) => l.relation === "supports" && l.independent))
    return "Contradicted beside a confirmed supporting link from an independent outlet needs a rationale that says why that support is outweighed.";
  return null;
}

// Every rule a verdict save must pass, with the reviewer's rationale.
export function verdictCheck(verdict: Verdict, links: ConfirmedLink[], rationale?: string | null): string | null {
  const problem = verdictProblem(verdict, links);
  if (problem) return problem;
  const needed = justificationNeeded(verdict, links);
  if (needed && (rationale?.trim().length ?? 0) < MIN_JUSTIFICATION) return `${needed} Write at least ${MIN_JUSTIFICATION} characters.`;
  return null;
}

// A corroborated claim with confirmed contradicting evidence is shown as "corroborated, disputed".
export function isDisputed(status: string, links: { relation: string }[]): boolean {
  return status.toLowerCase() === "corroborated" && links.some((l) => l.relation.toLowerCase() === "contradicts");
}

export function verdictLabel(status: string, links: { relation: string }[]): string {
  const base = VERDICT_LABEL[status.toLowerCase() as Verdict] ?? status;
  return isDisputed(status, links) ? `${base} · disputed` : base;
}
