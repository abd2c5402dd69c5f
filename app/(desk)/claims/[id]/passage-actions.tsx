"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/http/action";
import { linkAction, removeLinkAction } from "./actions";
import { useClaimVersion, type Current } from "./claim-version";
import { secondaryButtonClass } from "../../../_components/ui";

type Target = { claimId: string } | { articleId: string; start: number; end: number };
type Done = ActionState<{ version: number }>;
type Relation = "supports" | "contradicts";
const AS: Record<Relation, string> = { supports: "supporting", contradicts: "contradicting" };

// Link / Dismiss / Unlink buttons for one passage. data-link-default marks the button the "l"
// shortcut presses: linking as the relation the matcher suggested. Each change carries the claim
// version the reviewer is working against; a stale one is kept as the pending change of the conflict.
export function PassageActions({
  claimId,
  target,
  suggested,
  mode,
  label,
}: {
  claimId: string;
  target: Target;
  suggested?: "supports" | "contradicts";
  mode: "suggestion" | "link" | "search";
  label: string;
}) {
  const router = useRouter();
  const { version, setVersion, setConflict } = useClaimVersion();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (what: string, fn: (version: number) => Promise<Done>, at = version) =>
    start(async () => {
      setError(null);
      const res = await fn(at);
      if (res?.ok) {
        setVersion(res.data.version);
        setConflict(null);
        router.refresh();
      } else if (res?.error === "stale_version") {
        setConflict({ message: res.message, current: (res.current ?? null) as Current, pending: { what, retry: (v) => run(what, fn, v) } });
      } else if (res) setError(res.message ?? "That did not work.");
    });
  const link = (relation: "supports" | "contradicts") =>
    run(`link as ${AS[relation]}: ${label}`, (v) => linkAction(null, { id: claimId, target: { ...target, relation, version: v } }));
  const remove = () =>
    "claimId" in target &&
    run(`${mode === "link" ? "unlink" : "dismiss"}: ${label}`, (v) => removeLinkAction(null, { id: claimId, otherId: target.claimId, version: v }));
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {mode !== "link" &&
        (["supports", "contradicts"] as const).map((relation) => (
          <button
            key={relation}
            type="button"
            disabled={pending}
            onClick={() => link(relation)}
            className={secondaryButtonClass}
            data-link-default={suggested === relation || undefined}
          >
            {`Link as ${AS[relation]}`}
          </button>
        ))}
      {mode === "suggestion" && (
        <button type="button" disabled={pending} onClick={remove} className={secondaryButtonClass}>
          Dismiss
        </button>
      )}
      {mode === "link" && (
        <button type="button" disabled={pending} onClick={remove} className={secondaryButtonClass} aria-label={`Unlink ${label}`}>
          Unlink
        </button>
      )}
      <span role="alert" className="text-sm text-red-700">
        {error}
      </span>
    </div>
  );
}
