"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { verdictProblem, VERDICT_LABEL, type ConfirmedLink, type Verdict } from "@/lib/verdicts/rules";
import { saveVerdictAction } from "./actions";
import { buttonClass, inputClass, secondaryButtonClass } from "../../../_components/ui";

const CHOICES: Verdict[] = ["corroborated", "single_sourced", "contradicted"];
type Result = { kind: "saved" } | { kind: "error"; message: string } | { kind: "stale"; message: string } | null;

/**
 * The version is the one the reviewer opened: it stays put when the page refreshes after a link
 * change, so a verdict someone else saved meanwhile is reported as stale, never overwritten.
 */
export function VerdictForm({ claimId, status, suggested, version, links }: {
  claimId: string; status: string; suggested: Verdict; version: number; links: ConfirmedLink[];
}) {
  const router = useRouter();
  const [verdict, setVerdict] = useState<Verdict>(status === "unreviewed" ? suggested : (status as Verdict));
  const [rationale, setRationale] = useState("");
  const [seen, setSeen] = useState(version);
  const [result, setResult] = useState<Result>(null);
  const [pending, start] = useTransition();
  const warning = verdictProblem(verdict, links);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      setResult(null);
      const res = await saveVerdictAction(null, { id: claimId, verdict, rationale, version: seen, links: [] });
      if (res?.ok) {
        setSeen(res.data.version);
        setRationale("");
        setResult({ kind: "saved" });
        router.refresh();
      } else if (res) setResult({ kind: res.error === "stale_version" ? "stale" : "error", message: res.message });
    });
  }

  return (
    <form onSubmit={submit} aria-label="Verdict form" className="space-y-3 rounded border border-stone-200 bg-white p-3">
      <fieldset>
        <legend className="font-semibold">Verdict</legend>
        <p className="text-sm text-stone-600">Suggested: {VERDICT_LABEL[suggested]} · current: {VERDICT_LABEL[status as Verdict] ?? status}</p>
        <div className="mt-2 flex flex-wrap gap-4">
          {CHOICES.map((v, i) => (
            <label key={v} className="flex items-center gap-1">
              <input type="radio" id={`verdict-${v}`} name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
              {VERDICT_LABEL[v]} <kbd className="text-xs text-stone-500" aria-hidden="true">{i + 1}</kbd>
            </label>
          ))}
        </div>
      </fieldset>
      {warning && <p className="text-sm text-amber-800">Before saving: {warning}</p>}
      <label htmlFor="rationale" className="block font-medium">Rationale (optional)</label>
      <textarea id="rationale" name="rationale" rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} className={inputClass} />
      <div className="flex items-center gap-3">
        <button type="submit" id="save-verdict" disabled={pending} className={buttonClass}>Save verdict</button>
        <div aria-live="polite" className="text-sm">
          {result?.kind === "saved" && <p className="font-medium text-green-800">Verdict saved</p>}
          {result?.kind === "error" && <p className="text-red-700">{result.message}</p>}
          {result?.kind === "stale" && (
            <p className="text-red-700">
              {result.message}{" "}
              <button type="button" className={secondaryButtonClass} onClick={() => window.location.reload()}>Reload</button>
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
