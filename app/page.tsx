import Link from "next/link";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { linkChangesThisWeek, progressByStatus, recentActivity, verdictsThisWeek } from "@/lib/dashboard/data";
import { STATUS_LABELS, statusParam } from "@/lib/queue/schema";
import { PageTitle } from "./_components/ui";
import { BarList } from "./_components/bar-list";
import { DataTable } from "./_components/data-table";

const TONE = { UNREVIEWED: "bg-stone-500", CORROBORATED: "bg-green-700", SINGLE_SOURCED: "bg-amber-600", CONTRADICTED: "bg-red-700" } as const;

// A short id tells rows apart, so the entity links do not all read the same.
const what = (a: { entity: string; entityId: string | null }) => `${a.entity.toLowerCase()}${a.entityId ? ` ${a.entityId.slice(0, 8)}` : ""}`;
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

// Per-reviewer counts for the week as bars scaled to the busiest reviewer, or a line saying there were none.
function WeekBars({ rows, label, empty, tone }: { rows: { id: string; name: string; count: number }[]; label: string; empty: string; tone: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <BarList
      label={label}
      total={Math.max(...rows.map((w) => w.count))}
      showShare={false}
      items={rows.map((w) => ({ key: w.id, label: w.name, count: w.count, tone }))}
    />
  );
}

export default async function Dashboard() {
  const actor = await requirePageActor();
  const db = getDb();
  const [progress, week, linkWeek, activity] = await Promise.all([progressByStatus(db), verdictsThisWeek(db), linkChangesThisWeek(db), recentActivity(db)]);
  const reviewed = progress.total - (progress.items.find((i) => i.status === "UNREVIEWED")?.count ?? 0);
  return (
    <div className="space-y-8">
      <div>
        <PageTitle>Desk</PageTitle>
        <p>
          Welcome, {actor.name}.{" "}
          <Link href="/queue" className="text-blue-700 underline">
            Open the queue
          </Link>
        </p>
      </div>

      <section aria-labelledby="progress-title">
        <h2 id="progress-title" className="mb-1 text-lg font-semibold">
          Progress by status
        </h2>
        <p className="mb-3 text-sm text-stone-600">
          {reviewed} of {progress.total} claims reviewed.
        </p>
        <BarList
          label="Claims by status"
          total={progress.total}
          items={progress.items.map((i) => ({
            key: i.status,
            label: STATUS_LABELS[i.status],
            count: i.count,
            tone: TONE[i.status],
            href: `/queue?status=${statusParam(i.status)}`,
          }))}
        />
      </section>

      <section aria-labelledby="week-title">
        <h2 id="week-title" className="mb-1 text-lg font-semibold">
          Verdicts this week
        </h2>
        <p className="mb-3 text-sm text-stone-600">Verdicts saved per reviewer in the last 7 days.</p>
        <WeekBars rows={week} label="Verdicts per reviewer, last 7 days" empty="No verdicts saved in the last 7 days." tone="bg-blue-700" />
        <h3 className="mt-4 mb-1 font-semibold">Link activity this week</h3>
        <p className="mb-3 text-sm text-stone-600">Links made, unlinked and suggestions dismissed per reviewer, counted apart from verdicts.</p>
        <WeekBars rows={linkWeek} label="Link changes per reviewer, last 7 days" empty="No link changes in the last 7 days." tone="bg-stone-500" />
      </section>

      <section aria-labelledby="activity-title">
        <h2 id="activity-title" className="mb-3 text-lg font-semibold">
          Recent activity
        </h2>
        {activity.length === 0 ? (
          <p>Nothing has happened yet.</p>
        ) : (
          <DataTable
            caption={`The last ${activity.length} changes on the desk, newest first`}
            rows={activity}
            rowKey={(a) => a.id}
            columns={[
              { header: "When", className: "whitespace-nowrap", cell: (a) => <time dateTime={a.at.toISOString()}>{when(a.at)}</time> },
              { header: "Who", cell: (a) => a.actor },
              { header: "Action", cell: (a) => a.action },
              {
                header: "What",
                cell: (a) =>
                  a.href ? (
                    <Link href={a.href} className="text-blue-700 underline">
                      {what(a)}
                    </Link>
                  ) : (
                    what(a)
                  ),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
