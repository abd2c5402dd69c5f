"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { approveClaimAction, unpublishClaimAction } from "./actions";
import { useClaimVersion } from "./claim-version";
import { secondaryButtonClass } from "../../../_components/ui";

type Props = {
  claimId: string;
  isAdmin: boolean;
  reviewed: boolean;
  needsReview: boolean;
  awaitingApproval: boolean;
  published: { label: string; approvedBy: string | null; approvedAt: string } | null;
};

// Where the claim stands on its way to /r/{id}; admins approve or unpublish here.
export function Publication({ claimId, isAdmin, reviewed, needsReview, awaitingApproval, published }: Props) {
  const router = useRouter();
  const { version, setConflict } = useClaimVersion();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const state = !reviewed
    ? "Not reviewed yet"
    : awaitingApproval
      ? published
        ? "Published; a newer verdict is awaiting approval"
        : "Awaiting approval"
      : published
        ? "Published"
        : "Not published";
  const run = (fn: () => Promise<{ ok: boolean; error?: string; message?: string; current?: unknown } | null>) =>
    start(async () => {
      setError(null);
      const res = await fn();
      if (res?.ok) router.refresh();
      else if (res?.error === "stale_version") setConflict({ message: res.message ?? "", current: (res.current ?? null) as never });
      else if (res) setError(res.message ?? "That did not work.");
    });
  return (
    <section aria-labelledby="publication-title" className="rounded border border-stone-200 bg-white p-3 text-sm">
      <h2 id="publication-title" className="font-semibold">
        Publication
      </h2>
      <p>
        <strong>{state}</strong>
        {published && (
          <>
            {" "}
            · public: {published.label}, approved by {published.approvedBy ?? "an admin"} on {published.approvedAt.slice(0, 10)} ·{" "}
            <a href={`/r/${claimId}`} className="text-blue-700 underline">
              public page
            </a>
          </>
        )}
      </p>
      {isAdmin && (
        <div className="mt-2 flex flex-wrap gap-2">
          {reviewed && awaitingApproval && (
            <button
              type="button"
              disabled={pending || needsReview}
              className={secondaryButtonClass}
              onClick={() => run(() => approveClaimAction(null, { id: claimId, version }))}
            >
              Approve for publication
            </button>
          )}
          {published && (
            <button type="button" disabled={pending} className={secondaryButtonClass} onClick={() => run(() => unpublishClaimAction(null, { id: claimId }))}>
              Unpublish
            </button>
          )}
          {needsReview && <span className="text-amber-800">Re-review the verdict before approving it.</span>}
        </div>
      )}
      <span role="alert" className="text-red-700">
        {error}
      </span>
    </section>
  );
}
