import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { listFeeds } from "@/lib/feeds/data";
import { listOutlets } from "@/lib/outlets/data";
import { requirePageActor } from "@/lib/auth/guard";
import { ListWithPanel, Panel } from "../../_components/ui";
import { DataTable } from "../../_components/data-table";
import { CreateFeedForm, FeedActions } from "./feed-forms";
import { FeedStatusText, when } from "./present";

export const metadata: Metadata = { title: "Feeds" };

export default async function FeedsPage() {
  await requirePageActor("ADMIN");
  const db = getDb();
  const [feeds, outlets] = await Promise.all([listFeeds(db), listOutlets(db)]);
  return (
    <ListWithPanel
      titleId="feeds-title"
      title="Feeds"
      intro={
        <>
          Each feed is polled at its own interval, asking only for what changed since the last answer. New items are imported by their address; an address or a
          text the desk already has is not imported again.
        </>
      }
      sideFrom="xl"
      panel={
        <Panel id="add-feed-title" title="Add a feed">
          <CreateFeedForm outlets={outlets.map((o) => ({ id: o.id, name: o.name }))} />
        </Panel>
      }
    >
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
    </ListWithPanel>
  );
}
