import Link from "next/link";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { deskCounts } from "@/lib/claims/data";
import { PageTitle } from "./_components/ui";

const LABELS: [string, string][] = [
  ["UNREVIEWED", "Unreviewed"], ["CORROBORATED", "Corroborated"], ["SINGLE_SOURCED", "Single-sourced"], ["CONTRADICTED", "Contradicted"],
];

export default async function Dashboard() {
  const actor = await requirePageActor();
  const counts = await deskCounts(getDb());
  return (
    <div>
      <PageTitle>Desk</PageTitle>
      <p className="mb-6">Welcome, {actor.name}. {counts.articles} articles, {counts.claims} claims.</p>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {LABELS.map(([key, label]) => (
          <div key={key} className="rounded border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-600">{label}</dt>
            <dd className="text-2xl font-semibold">{counts.status[key] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-6"><Link href="/queue" className="text-blue-700 underline">Open the queue</Link></p>
    </div>
  );
}
