import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getFeed } from "@/lib/feeds/data";
import { requirePageActor } from "@/lib/auth/guard";
import { PageTitle } from "../../../_components/ui";
import { FeedActions } from "../feed-forms";
import { FeedStatusText, when } from "../present";

export const metadata: Metadata = { title: "Feed" };

const STATE = { IMPORTED: "Imported", DUPLICATE: "Already known", FAILED: "Failed" } as const;

export default async function FeedPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("ADMIN");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const found = await getFeed(getDb(), id.data, { items: 100 });
  if (!found) notFound();
  const { feed, items } = found;
  return (
    <div>
      <p className="mb-2 text-sm"><Link href="/admin/feeds" className="text-blue-800 hover:underline">← All feeds</Link></p>
      <PageTitle><bdi>{feed.title ?? feed.url}</bdi></PageTitle>
      <dl className="mb-4 grid max-w-2xl grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Outlet</dt><dd><bdi>{feed.outlet.name}</bdi></dd>
        <dt className="font-medium">Address</dt><dd className="break-all">{feed.url}</dd>
        <dt className="font-medium">Status</dt><dd><FeedStatusText feed={feed} />{feed.lastError && <> — {feed.lastError}</>}</dd>
        <dt className="font-medium">Last poll</dt><dd>{when(feed.lastPolledAt)}{feed.lastHttpStatus ? ` (HTTP ${feed.lastHttpStatus})` : ""}</dd>
        <dt className="font-medium">Next poll</dt><dd>{feed.paused ? "paused" : when(feed.nextPollAt)} · every {feed.intervalMinutes} min</dd>
        <dt className="font-medium">Items</dt><dd>{feed.items.imported} imported, {feed.items.duplicates} already known, {feed.items.failed} failed</dd>
      </dl>
      <FeedActions feed={feed} />
      <h2 className="mt-6 mb-2 text-lg font-semibold">Items, newest first</h2>
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-3">Item</th>
            <th scope="col" className="py-2 pr-3">Published</th>
            <th scope="col" className="py-2 pr-3">Seen</th>
            <th scope="col" className="py-2">Result</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && <tr><td colSpan={4} className="py-4 text-stone-600">No items yet.</td></tr>}
          {items.map((i) => (
            <tr key={i.id} className="border-b border-stone-200 align-top">
              <td className="max-w-md py-2 pr-3 break-all">
                {i.title ?? i.url}
                {i.title && <div className="text-xs text-stone-600">{i.url}</div>}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">{i.publishedAt?.slice(0, 10) ?? "—"}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{when(i.firstSeenAt)}</td>
              <td className="py-2">
                {STATE[i.state]}
                {i.articleId && <> · <Link href={`/articles/${i.articleId}`} className="text-blue-800 underline">Open article</Link></>}
                {i.error && <div className="text-xs text-red-800">{i.error}{i.attempts > 1 ? ` (${i.attempts} tries)` : ""}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
