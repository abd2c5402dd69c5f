import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { listFeeds } from "@/lib/feeds/data";
import { listOutlets } from "@/lib/outlets/data";
import { requirePageActor } from "@/lib/auth/guard";
import { PageTitle } from "../../_components/ui";
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
        <PageTitle><span id="feeds-title">Feeds</span></PageTitle>
        <p className="mb-4 text-sm text-stone-600">
          Each feed is polled at its own interval, asking only for what changed since the last answer. New items are
          imported by their address; an address or a text the desk already has is not imported again.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">Outlet</th>
                <th scope="col" className="py-2 pr-3">Feed</th>
                <th scope="col" className="py-2 pr-3">Every</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Last poll</th>
                <th scope="col" className="py-2 pr-3 text-right">Items</th>
                <th scope="col" className="py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {feeds.length === 0 && (
                <tr><td colSpan={7} className="py-4 text-stone-600">No feeds yet. Add one for an outlet.</td></tr>
              )}
              {feeds.map((f) => (
                <tr key={f.id} className="border-b border-stone-200 align-top">
                  <td className="py-2 pr-3"><bdi>{f.outlet.name}</bdi></td>
                  <td className="max-w-xs py-2 pr-3 break-all">
                    <Link href={`/admin/feeds/${f.id}`} className="text-blue-800 hover:underline">{f.title ?? f.url}</Link>
                    {f.title && <div className="text-xs text-stone-600">{f.url}</div>}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{f.intervalMinutes} min</td>
                  <td className="py-2 pr-3">
                    <FeedStatusText feed={f} />
                    {f.lastError && <div className="text-xs text-red-800">{f.lastError}</div>}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <time dateTime={f.lastPolledAt ?? undefined}>{when(f.lastPolledAt)}</time>
                    {f.lastHttpStatus === 304 && <div className="text-xs text-stone-600">not modified</div>}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums" aria-label={`${f.items.imported} imported, ${f.items.duplicates} already known, ${f.items.failed} failed`}>
                    {f.items.imported}
                    {(f.items.duplicates > 0 || f.items.failed > 0) && <div className="text-xs text-stone-600">{f.items.duplicates} known · {f.items.failed} failed</div>}
                  </td>
                  <td className="py-2"><FeedActions feed={f} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="add-feed-title" className="rounded border border-stone-200 bg-white p-4">
        <h2 id="add-feed-title" className="mb-3 text-lg font-semibold">Add a feed</h2>
        <CreateFeedForm outlets={outlets.map((o) => ({ id: o.id, name: o.name }))} />
      </section>
    </div>
  );
}
