"use client";
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { justificationNeeded, verdictProblem, VERDICT_LABEL, type ConfirmedLink, type Verdict } from "@/lib/verdicts/rules";
import { saveVerdictAction } from "./actions";
import { useClaimVersion, type Current } from "./claim-version";
import { buttonClass, inputClass, secondaryButtonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";

const CHOICES: Verdict[] = ["corroborated", "single_sourced", "contradicted"];
type Result = { kind: "saved" } | { kind: "error"; message: string } | null;
type Draft = { verdict: Verdict; rationale: string };

// The draft also lives in sessionStorage, so even a full reload of the tab keeps what was typed.
const draftKey = (claimId: string) => `triangulate:draft:${claimId}`;
function readDraft(claimId: string): Draft | null {
  try {
    const d = JSON.parse(sessionStorage.getItem(draftKey(claimId)) ?? "null");
    return d && CHOICES.includes(d.verdict) && typeof d.rationale === "string" ? d : null;
  } catch {
    return null;
  }
}

/**
 * The version is the one the reviewer works against (claim-version.tsx). After a 409 the draft
 * stays: the chosen verdict, the rationale and the pending link change are shown beside what the
 * other reviewer saved, and "Keep my draft and load their changes" moves to the new version.
 */
export function VerdictForm({ claimId, status, suggested, links }: { claimId: string; status: string; suggested: Verdict; links: ConfirmedLink[] }) {
  const router = useRouter();
  const { version, setVersion, conflict, setConflict } = useClaimVersion();
  const [verdict, setVerdict] = useState<Verdict>(status === "unreviewed" ? suggested : (status as Verdict));
  const [rationale, setRationale] = useState("");
  const [result, setResult] = useState<Result>(null);
  const [pending, start] = useTransition();
  const warning = verdictProblem(verdict, links);
  const needsWhy = justificationNeeded(verdict, links);

  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const d = readDraft(claimId);
    if (d) {
      setVerdict(d.verdict);
      setRationale(d.rationale);
    }
    setRestored(true);
  }, [claimId]);
  useEffect(() => {
    if (!restored) return;
    if (rationale) sessionStorage.setItem(draftKey(claimId), JSON.stringify({ verdict, rationale }));
    else sessionStorage.removeItem(draftKey(claimId));
  }, [restored, claimId, verdict, rationale]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      setResult(null);
      const res = await saveVerdictAction(null, { id: claimId, verdict, rationale, version, links: [] });
      if (res?.ok) {
        setVersion(res.data.version);
        setRationale("");
        sessionStorage.removeItem(draftKey(claimId));
        setConflict(null);
        setResult({ kind: "saved" });
        router.refresh();
      } else if (res?.error === "stale_version") {
        setConflict({ message: res.message, current: (res.current ?? null) as Current });
      } else if (res) setResult({ kind: "error", message: res.message });
    });
  }

  function takeTheirs() {
    if (!conflict) return;
    const next = conflict.current?.version ?? version;
    setVersion(next);
    setConflict(null);
    router.refresh();
    conflict.pending?.retry(next);
  }

  return (
    <form onSubmit={submit} aria-label="Verdict form" className="space-y-3 rounded border border-stone-200 bg-white p-3">
      <fieldset>
        <legend className="font-semibold">Verdict</legend>
        <p className="text-sm text-stone-600">
          Suggested: {VERDICT_LABEL[suggested]} · current: {VERDICT_LABEL[status as Verdict] ?? status}
        </p>
        <div className="mt-2 flex flex-wrap gap-4">
          {CHOICES.map((v, i) => (
            <Field
              key={v}
              label={
                <>
                  {VERDICT_LABEL[v]}{" "}
                  <kbd className="text-xs text-stone-500" aria-hidden="true">
                    {i + 1}
                  </kbd>
                </>
              }
              layout="check"
              className="flex items-center gap-1"
              noErrors
            >
              {(f) => <input {...f} type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />}
            </Field>
          ))}
        </div>
      </fieldset>
      {warning && <p className="text-sm text-amber-800">Before saving: {warning}</p>}
      {!warning && needsWhy && <p className="text-sm text-amber-800">{needsWhy}</p>}
      {/* The verdict's refusals (rules, stale versions) are shown in the form's own live region below. */}
      <Field label={`Rationale ${needsWhy && !warning ? "(required)" : "(optional)"}`} noErrors>
        {(f) => <textarea {...f} name="rationale" rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" id="save-verdict" disabled={pending} className={buttonClass}>
          Save verdict
        </button>
        <div aria-live="polite" className="text-sm">
          {result?.kind === "saved" && <p className="font-medium text-green-800">Verdict saved</p>}
          {result?.kind === "error" && <p className="text-red-700">{result.message}</p>}
        </div>
      </div>
      <div aria-live="polite">
        {conflict && (
          <section aria-label="Conflict" className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm">
            <p className="text-red-800">{conflict.message}</p>
            <div className="grid gap-2 sm:grid-cols-2">
              <div>
                <h3 className="font-semibold">Your draft</h3>
                <p>Verdict: {VERDICT_LABEL[verdict]}</p>
                {rationale && <p>Rationale: “{rationale}”</p>}
                {conflict.pending && <p>Pending change: {conflict.pending.what}</p>}
              </div>
              <div>
                <h3 className="font-semibold">Saved meanwhile</h3>
                {conflict.current ? (
                  <p>
                    Status: {VERDICT_LABEL[conflict.current.status as Verdict] ?? conflict.current.status} (version {conflict.current.version})
                  </p>
                ) : (
                  <p>The claim is gone.</p>
                )}
              </div>
            </div>
            <button type="button" className={secondaryButtonClass} onClick={takeTheirs}>
              {conflict.pending ? "Load their changes and apply mine again" : "Keep my draft and load their changes"}
            </button>
          </section>
        )}
      </div>
    </form>
  );
}
