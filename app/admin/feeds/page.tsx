import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { listFeeds } from "@/lib/feeds/data";
import { listOutlets } from "@/lib/outlets/data";
import { requirePageActor } from "@/lib/auth/guard";
import { PageTitle } from "../../_components/ui";
import { DataTable } from "../../_components/data-table";
import { CreateFeedForm, FeedActions } from "./feed-forms";
import { FeedStatusText, when } from "./present";

export const metadata: Metadata = { title: "Feeds" };

export default async function FeedsPage() {
  await requirePageActor("ADMIN");
  const db = getDb();
  const [feeds, outlets] = await Promise.all([listFeeds(db), listOutlets(db)]);
  return (
    <div className="grid gap-8 xl:grid-cols-[1fr_20rem]">
      <section aria-labelledby="feeds-title">
        <PageTitle>
          <span id="feeds-title">Feeds</span>
        </PageTitle>
        <p className="mb-4 text-sm text-stone-600">
          Each feed is polled at its own interval, asking only for what changed since the last answer. New items are imported by their address; an address or a
          text the desk already has is not imported again.
        </p>
        <DataTable
          caption="Feeds"
          rows={feeds}
          rowKey={(f) => f.id}
          empty="No feeds yet. Add one for an outlet."
          columns={[
            { header: "Outlet", cell: (f) => <bdi>{f.outlet.name}</bdi> },
            {
              header: "Feed",
              className: "max-w-xs break-all",
              cell: (f) => (
                <>
                  <Link href={`/admin/feeds/${f.id}`} className="text-blue-800 hover:underline">
                    {f.title ?? f.url}
                  </Link>
                  {f.title && <div className="text-xs text-stone-600">{f.url}</div>}
                </>
              ),
            },
            { header: "Every", className: "whitespace-nowrap", cell: (f) => `${f.intervalMinutes} min` },
            {
              header: "Status",
              cell: (f) => (
                <>
                  <FeedStatusText feed={f} />
                  {f.lastError && <div className="text-xs text-red-800">{f.lastError}</div>}
                </>
              ),
            },
            {
              header: "Last poll",
              className: "whitespace-nowrap",
              cell: (f) => (
                <>
                  <time dateTime={f.lastPolledAt ?? undefined}>{when(f.lastPolledAt)}</time>
                  {f.lastHttpStatus === 304 && <div className="text-xs text-stone-600">not modified</div>}
                </>
              ),
            },
            {
              header: "Items",
              className: "text-right tabular-nums",
              label: (f) => `${f.items.imported} imported, ${f.items.duplicates} already known, ${f.items.failed} failed`,
              cell: (f) => (
                <>
                  {f.items.imported}
                  {(f.items.duplicates > 0 || f.items.failed > 0) && (
                    <div className="text-xs text-stone-600">
                      {f.items.duplicates} known · {f.items.failed} failed
                    </div>
                  )}
                </>
              ),
            },
            { header: "Actions", cell: (f) => <FeedActions feed={f} /> },
          ]}
        />
      </section>
      <section aria-labelledby="add-feed-title" className="rounded border border-stone-200 bg-white p-4">
        <h2 id="add-feed-title" className="mb-3 text-lg font-semibold">
          Add a feed
        </h2>
        <CreateFeedForm outlets={outlets.map((o) => ({ id: o.id, name: o.name }))} />
      </section>
    </div>
  );
}
