import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { queueClaims } from "@/lib/claims/data";
import { PageTitle } from "../../_components/ui";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage() {
  await requirePageActor();
  const claims = await queueClaims(getDb());
  return (
    <div>
      <PageTitle>Queue</PageTitle>
      {claims.length === 0 ? (
        <p>No claims are waiting for review. Claims appear here once articles are imported.</p>
      ) : (
        <ol className="space-y-3">
          {claims.map((c) => (
            <li key={c.id} className="rounded border border-stone-200 bg-white p-3">
              <p>{c.text}</p>
              <p className="mt-1 text-sm text-stone-600">{c.article.outlet.name} · {c.article.title ?? "Untitled"} · check-worthiness {c.checkworthiness.toFixed(2)}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
