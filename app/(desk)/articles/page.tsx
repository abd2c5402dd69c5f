import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { listArticles, countTroubledArticles } from "@/lib/articles/data";
import { PageTitle } from "../../_components/ui";
import { RetryMatchingButton } from "./retry-button";
import { DataTable } from "../../_components/data-table";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ cursor?: string; matching?: string }> }) {
  const actor = await requirePageActor();
  const { cursor, matching } = await searchParams;
  const admin = actor.role === "ADMIN";
  // Matching failures are the admins' to see (errors name internals) and to retry.
  const troubled = admin && matching === "failed";
  const { items, nextCursor } = await listArticles(getDb(), { limit: 50, cursor: cursor && /^[0-9a-f-]{36}$/.test(cursor) ? cursor : undefined, troubled });
  const failures = admin ? await countTroubledArticles(getDb()) : 0;
  return (
    <div>
      <div className="flex items-center justify-between">
        <PageTitle>{troubled ? "Articles whose matching failed" : "Articles"}</PageTitle>
        {admin && (
          <Link href="/articles/new" className="rounded bg-blue-700 px-3 py-2 text-white hover:bg-blue-800">
            Import articles
          </Link>
        )}
      </div>
      {admin && (failures > 0 || troubled) && (
        <p className="my-2">
          {troubled ? (
            <Link href="/articles" className="text-blue-700 underline">
              All articles
            </Link>
          ) : (
            <Link href="/articles?matching=failed" className="text-red-700 underline">
              Matching failed or retrying: {failures} {failures === 1 ? "article" : "articles"}
            </Link>
          )}
        </p>
      )}
      <DataTable
        rows={items}
        rowKey={(a) => a.id}
        columns={[
          { header: "Outlet", cell: (a) => <bdi>{a.outlet.name}</bdi> },
          {
            header: "Title",
            cell: (a) => (
              <Link href={`/articles/${a.id}`} className="text-blue-700 underline">
                <bdi>{a.title ?? `Untitled (${a.outlet.name})`}</bdi>
              </Link>
            ),
          },
          { header: "Published", cell: (a) => a.publishedAt?.toISOString().slice(0, 10) ?? "—" },
          { header: "Claims", cell: (a) => a._count.claims },
          {
            header: "Matching",
            cell: (a) => (
              <>
                {a.matching.toLowerCase()}
                {a.matchingError && actor.role === "ADMIN" && <p className="text-red-700">{a.matchingError}</p>}
                {a.matching === "FAILED" && actor.role === "ADMIN" && <RetryMatchingButton articleId={a.id} />}
              </>
            ),
          },
        ]}
      />
      {items.length === 0 && <p className="mt-4">{troubled ? "No article's matching has failed." : "No articles yet."}</p>}
      {nextCursor && (
        <p className="mt-4">
          <Link href={`/articles?${troubled ? "matching=failed&" : ""}cursor=${nextCursor}`} className="text-blue-700 underline">
            Older articles
          </Link>
        </p>
      )}
    </div>
  );
}
