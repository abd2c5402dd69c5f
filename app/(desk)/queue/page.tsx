import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/guard";
import { queueFilterOptions, queuePage, queueStatusCounts } from "@/lib/queue/data";
import { STATUS_LABELS, claimHref, parseQueueFilters, queueHref } from "@/lib/queue/schema";
import { PageTitle } from "../../_components/ui";
import { QueueFilterForm, StatusCounts } from "./queue-filters";
import { AssignControls } from "./assign-forms";
import { DataTable } from "../../_components/data-table";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const { filters, ignored } = parseQueueFilters(await searchParams);
  const [page, counts, options] = await Promise.all([queuePage(filters, actor.id), queueStatusCounts(filters, actor.id), queueFilterOptions()]);
  const people = actor.role === "ADMIN" ? options.reviewers : undefined;
  // Pages are read by keyset (docs/decisions/021); page 1 is the top of the queue, without a cursor.
  const previousPage = Math.max(1, filters.page - 1);
  const previousHref =
    previousPage === 1 || !page.previousCursor
      ? queueHref({ ...filters, page: 1, after: undefined, before: undefined })
      : queueHref({ ...filters, page: previousPage, after: undefined, before: page.previousCursor });
  return (
    <div>
      <PageTitle>Queue</PageTitle>
      <p className="mb-2 text-sm">
        {actor.role === "ADMIN" && (
          <>
            <Link href={queueHref({ status: "all", flag: "awaiting-approval" })} className="text-blue-700 underline">
              Awaiting approval
            </Link>
            {" · "}
            <Link href={queueHref({ status: "all", flag: "needs-review" })} className="text-blue-700 underline">
              Needs re-review
            </Link>
            {" · "}
          </>
        )}
        <Link href={queueHref({ status: "all", flag: "source-changed" })} className="text-blue-700 underline">
          Source changed
        </Link>
      </p>
      <StatusCounts filters={filters} counts={counts} />
      <QueueFilterForm filters={filters} options={options} />
      {ignored.length > 0 && (
        <p role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          Ignored an invalid filter: {ignored.join(", ")}. Showing the queue without it.
        </p>
      )}
      <DataTable
        caption="Claims awaiting review, most check-worthy first"
        rows={page.items}
        rowKey={(c) => c.id}
        columns={[
          {
            header: "Claim",
            className: "max-w-md",
            cell: (c) => (
              <>
                <Link href={claimHref(c.id, filters)} className="text-blue-700 underline">
                  {c.text}
                </Link>
                {c.context && <p className="text-xs text-stone-600">Context: {c.context}</p>}
              </>
            ),
          },
          { header: "Outlet", cell: (c) => <bdi>{c.outletName}</bdi> },
          {
            header: "Article",
            cell: (c) => (
              <Link href={`/articles/${c.articleId}`} className="text-blue-700 underline">
                <bdi>{c.articleTitle ?? `Untitled (${c.outletName})`}</bdi>
              </Link>
            ),
          },
          { header: "Check-worthiness", cell: (c) => c.checkworthiness.toFixed(2) },
          { header: "Suggestions", cell: (c) => c.suggestions },
          { header: "Contradiction suggested", cell: (c) => (c.contradictions > 0 ? `Yes (${c.contradictions})` : "No") },
          {
            header: "Verdict",
            cell: (c) => (
              <>
                {STATUS_LABELS[c.status]}
                <span className="block text-xs text-stone-600">suggested: {STATUS_LABELS[c.suggestedVerdict].toLowerCase()}</span>
                {c.needsReview && <span className="block text-xs font-medium text-amber-800">needs re-review</span>}
                {c.sourceChanged && <span className="block text-xs font-medium text-amber-800">source changed</span>}
                {c.awaitingApproval ? (
                  <span className="block text-xs text-stone-600">awaiting approval</span>
                ) : (
                  c.published && <span className="block text-xs text-stone-600">published</span>
                )}
              </>
            ),
          },
          { header: "Assignee", cell: (c) => c.assigneeName ?? "Unassigned" },
          { header: "Actions", cell: (c) => <AssignControls claimId={c.id} assigneeId={c.assigneeId} actorId={actor.id} people={people} /> },
        ]}
      />
      {page.items.length === 0 && (
        <p className="mt-4">
          {filters.page > 1 ? "No more claims on this page." : "No claims match these filters. Claims appear here once articles are imported."}
        </p>
      )}
      {(page.hasPrevious || page.hasNext) && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
          {page.hasPrevious && (
            <Link href={previousHref} className="text-blue-700 underline">
              Previous page
            </Link>
          )}
          <span>Page {filters.page}</span>
          {page.hasNext && page.nextCursor && (
            <Link href={queueHref({ ...filters, page: filters.page + 1, after: page.nextCursor, before: undefined })} className="text-blue-700 underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
