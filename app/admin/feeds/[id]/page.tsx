import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getFeed } from "@/lib/feeds/data";
import { requirePageActor } from "@/lib/auth/guard";
import { PageTitle } from "../../../_components/ui";
import { DataTable, type Column } from "../../../_components/data-table";
import { FeedActions } from "../feed-forms";
import { FeedStatusText, when } from "../present";

export const metadata: Metadata = { title: "Feed" };

const STATE = { IMPORTED: "Imported", DUPLICATE: "Already known", FAILED: "Failed" } as const;

type Item = NonNullable<Awaited<ReturnType<typeof getFeed>>>["items"][number];
const ITEM_COLUMNS: Column<Item>[] = [
  {
    header: "Item",
    className: "max-w-md break-all",
    cell: (i) => (
      <>
        {i.title ?? i.url}
        {i.title && <div className="text-xs text-stone-600">{i.url}</div>}
      </>
    ),
  },
  { header: "Published", className: "whitespace-nowrap", cell: (i) => i.publishedAt?.slice(0, 10) ?? "—" },
  { header: "Seen", className: "whitespace-nowrap", cell: (i) => when(i.firstSeenAt) },
  {
    header: "Result",
    cell: (i) => (
      <>
        {STATE[i.state]}
        {i.articleId && (
          <>
            {" "}
            ·{" "}
            <Link href={`/articles/${i.articleId}`} className="text-blue-800 underline">
              Open article
            </Link>
          </>
        )}
        {i.error && (
          <div className="text-xs text-red-800">
            {i.error}
            {i.attempts > 1 ? ` (${i.attempts} tries)` : ""}
          </div>
        )}
      </>
    ),
  },
];

export default async function FeedPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("ADMIN");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const found = await getFeed(getDb(), id.data, { items: 100 });
  if (!found) notFound();
  const { feed, items } = found;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/feeds" className="text-blue-800 hover:underline">
          ← All feeds
        </Link>
      </p>
      <PageTitle>
        <bdi>{feed.title ?? feed.url}</bdi>
      </PageTitle>
      <dl className="mb-4 grid max-w-2xl grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Outlet</dt>
        <dd>
          <bdi>{feed.outlet.name}</bdi>
        </dd>
        <dt className="font-medium">Address</dt>
        <dd className="break-all">{feed.url}</dd>
        <dt className="font-medium">Status</dt>
        <dd>
          <FeedStatusText feed={feed} />
          {feed.lastError && <> — {feed.lastError}</>}
        </dd>
        <dt className="font-medium">Last poll</dt>
        <dd>
          {when(feed.lastPolledAt)}
          {feed.lastHttpStatus ? ` (HTTP ${feed.lastHttpStatus})` : ""}
        </dd>
        <dt className="font-medium">Next poll</dt>
        <dd>
          {feed.paused ? "paused" : when(feed.nextPollAt)} · every {feed.intervalMinutes} min
        </dd>
        <dt className="font-medium">Items</dt>
        <dd>
          {feed.items.imported} imported, {feed.items.duplicates} already known, {feed.items.failed} failed
        </dd>
      </dl>
      <FeedActions feed={feed} />
      <h2 className="mt-6 mb-2 text-lg font-semibold">Items, newest first</h2>
      <DataTable caption="Items, newest first" rows={items} rowKey={(i) => i.id} empty="No items yet." columns={ITEM_COLUMNS} />
    </div>
  );
}
