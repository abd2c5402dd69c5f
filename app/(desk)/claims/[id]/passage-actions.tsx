"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { linkAction, removeLinkAction } from "./actions";
import { secondaryButtonClass } from "../../../_components/ui";

type Target = { claimId: string } | { articleId: string; start: number; end: number };

// Link / Dismiss / Unlink buttons for one passage. data-link-default marks the button the "l"
// shortcut presses: linking as the relation the matcher suggested.
export function PassageActions({ claimId, target, suggested, mode, label }: {
  claimId: string; target: Target; suggested?: "supports" | "contradicts"; mode: "suggestion" | "link" | "search"; label: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<{ ok: boolean; message?: string } | null>) =>
    start(async () => {
      setError(null);
      const res = await fn();
      if (res && !res.ok) setError(res.message ?? "That did not work.");
      else router.refresh();
    });
  const link = (relation: "supports" | "contradicts") => run(() => linkAction(null, { id: claimId, target: { ...target, relation } }));
  const remove = () => "claimId" in target && run(() => removeLinkAction(null, { id: claimId, otherId: target.claimId }));
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {mode !== "link" && (
        <>
          <button type="button" disabled={pending} onClick={() => link("supports")} className={secondaryButtonClass} data-link-default={suggested === "supports" || undefined}>
            Link as supporting
          </button>
          <button type="button" disabled={pending} onClick={() => link("contradicts")} className={secondaryButtonClass} data-link-default={suggested === "contradicts" || undefined}>
            Link as contradicting
          </button>
        </>
      )}
      {mode === "suggestion" && <button type="button" disabled={pending} onClick={remove} className={secondaryButtonClass}>Dismiss</button>}
      {mode === "link" && <button type="button" disabled={pending} onClick={remove} className={secondaryButtonClass} aria-label={`Unlink ${label}`}>Unlink</button>}
      <span role="alert" className="text-sm text-red-700">{error}</span>
    </div>
  );
}
