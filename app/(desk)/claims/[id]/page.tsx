import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { claimEdits, claimForReview } from "@/lib/claims/data";
import { queueNeighbours } from "@/lib/queue/data";
import { claimHref, parseQueueFilters, type QueueFilters } from "@/lib/queue/schema";
import { presentClaimReview, type PresentedPassage } from "@/lib/claims/present";
import { claimHistory, type HistoryRow } from "@/lib/verdicts/data";
import { LINK_CHANGE_PHRASE } from "@/lib/verdicts/history";
import { paragraphs } from "@/lib/articles/highlight";
import { VERDICT_LABEL, verdictLabel, type Verdict } from "@/lib/verdicts/rules";
import { PageTitle, secondaryButtonClass, Section } from "../../../_components/ui";
import { VerdictForm } from "./verdict-form";
import { PassageActions } from "./passage-actions";
import { PassageSearch } from "./passage-search";
import { PassageInContext, independenceLabel } from "./passage";
import { ReviewShortcuts } from "./shortcuts";
import { ClaimVersionProvider } from "./claim-version";
import { Publication } from "./publication";
import { CurationHistory } from "./curation-history";
import { changeNote } from "@/lib/articles/source-change";

export const metadata: Metadata = { title: "Review claim" };

const label = (s: string) => VERDICT_LABEL[s as Verdict] ?? s;
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function Passage({ p, claimId, mode, filters }: { p: PresentedPassage; claimId: string; mode: "suggestion" | "link"; filters: QueueFilters }) {
  const name = `${p.article.outlet}: ${p.text}`;
  return (
    <li>
      <article
        tabIndex={0}
        aria-label={`${mode === "link" ? "Linked passage" : "Suggestion"} from ${name}`}
        data-suggestion={mode === "suggestion" || undefined}
        className="rounded border border-stone-200 bg-white p-3 outline-offset-2 focus:outline-3 focus:outline-blue-700"
      >
        <p className="mb-1 text-sm text-stone-700">
          <strong>
            <bdi>{p.article.outlet}</bdi>
          </strong>
          {p.article.title && (
            <>
              {" "}
              · <bdi>{p.article.title}</bdi>
            </>
          )}
          {" · "}
          <span className={p.relation === "contradicts" ? "text-red-800" : "text-green-800"}>{p.relation}</span>
          {" · "}score {p.score.toFixed(2)}
          {" · "}
          {independenceLabel(p.independent)}
          {p.background && mode === "suggestion" && <> · report of another event: counts towards the verdict only once confirmed</>}
          {mode === "link" && p.origin === "reviewer" && p.createdBy && <> · linked by {p.createdBy.name}</>}
        </p>
        <PassageInContext prefix={p.prefix} text={p.text} suffix={p.suffix} reasons={p.reasons} />
        {p.reasons.length > 0 && <p className="mt-1 text-xs text-stone-600">Why: {p.reasons.join("; ")}</p>}
        <p className="mt-1 text-xs">
          <Link href={claimHref(p.claimId, filters)} className="text-blue-700 underline">
            Open this claim
          </Link>
        </p>
        <PassageActions claimId={claimId} target={{ claimId: p.claimId }} suggested={p.relation} mode={mode} label={name} />
      </article>
    </li>
  );
}

// The suggested or the linked passages of the claim under review, or a line saying there are none.
function PassageSection({
  id,
  title,
  passages,
  empty,
  ...rest
}: {
  id: string;
  title: string;
  passages: readonly PresentedPassage[];
  empty: string;
  claimId: string;
  mode: "suggestion" | "link";
  filters: QueueFilters;
}) {
  return (
    <Section id={id} title={title}>
      {passages.length ? (
        <ul aria-labelledby={id} className="space-y-3">
          {passages.map((p) => (
            <Passage key={p.claimId} p={p} {...rest} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-600">{empty}</p>
      )}
    </Section>
  );
}

type Search = Promise<Record<string, string | string[] | undefined>>;

// The query string is the queue the reviewer came from (lib/queue/schema claimHref): Next and
// Previous walk that queue, with its filters and order.
export default async function ClaimPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const actor = await requirePageActor();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { filters } = parseQueueFilters(await searchParams);
  const db = getDb();
  // Four reads at once: each is one statement, and none needs another's answer.
  const [found, history, nav, edits] = await Promise.all([claimForReview(db, id), claimHistory(id), queueNeighbours(filters, actor.id, id), claimEdits(id)]);
  if (!found) notFound();
  const { claim, article, links, suggestions } = presentClaimReview(found);
  const published = claim.publication.published;

  return (
    <div key={id}>
      <div className="flex flex-wrap items-start gap-3">
        <PageTitle>Review claim</PageTitle>
        <nav aria-label="Claims" className="ml-auto flex flex-wrap gap-2">
          {nav.previousId && (
            <Link id="previous-claim" href={claimHref(nav.previousId, filters)} className={secondaryButtonClass} aria-keyshortcuts="k">
              Previous claim
            </Link>
          )}
          {nav.nextId && (
            <Link id="next-claim" href={claimHref(nav.nextId, filters)} className={secondaryButtonClass} aria-keyshortcuts="j">
              Next claim
            </Link>
          )}
          <ReviewShortcuts />
        </nav>
      </div>
      <p className="mb-4 text-sm text-stone-600">
        <bdi>{article.outlet}</bdi>
        {article.publishedAt && <> · published {article.publishedAt}</>}
        {article.wireCredit && <> · {article.wireCredit}</>}
        {" · "}
        <Link href={`/articles/${article.id}`} className="text-blue-700 underline">
          {article.title ?? "Open the article"}
        </Link>
        {" · "}status <strong>{verdictLabel(claim.status, links)}</strong> · check-worthiness {claim.checkworthiness.toFixed(2)} · {claim.kind}
        {" · "}assigned to <strong>{claim.assignee?.name ?? "nobody"}</strong>
      </p>
      <p className="mb-4 rounded bg-stone-100 p-2">
        <span className="sr-only">Claim: </span>
        {claim.text}
      </p>
      {claim.context && <p className="mb-2 text-sm text-stone-700">Context: {claim.context}</p>}
      {claim.setAside && (
        <p className="mb-2 text-sm text-stone-700">Set aside as not checkable ({claim.setAside}): out of the queue; restore it on the article page.</p>
      )}
      {claim.needsReview && (
        <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          <strong>Needs re-review.</strong> {claim.needsReviewReason}
        </p>
      )}

      {claim.sourceChanged && claim.sourceChange && (
        <p role="status" className="mb-4 rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          <strong>Source changed.</strong> {changeNote(claim.sourceChange)}
          {claim.status !== "unreviewed" && " The verdict below was given on the earlier version; save a verdict again once you have checked the new text."}
        </p>
      )}
      {article.version !== article.currentVersion && (
        <p className="mb-2 text-sm text-stone-600">
          Shown in version {article.version} of the article, where this claim's words are (the article is now at version {article.currentVersion}).
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <section id="article-pane" aria-label="Article text" tabIndex={0} className="max-h-[70vh] space-y-4 overflow-y-auto pr-2 leading-relaxed">
          {paragraphs(article.text, [claim]).map((p) => (
            <p key={p.start}>
              {p.segments.map((s) =>
                s.claimId ? (
                  <mark key={s.start} id="claim-mark" aria-label={`Claim: ${claim.text}`} className="rounded bg-amber-200 px-0.5 text-inherit">
                    {s.text}
                  </mark>
                ) : (
                  <span key={s.start}>{s.text}</span>
                ),
              )}
            </p>
          ))}
        </section>

        <ClaimVersionProvider key={claim.id} initial={claim.version}>
          <div className="space-y-6">
            <VerdictForm
              claimId={claim.id}
              status={claim.status}
              suggested={claim.suggestedVerdict}
              links={links.map((l) => ({ relation: l.relation, independent: l.independent }))}
            />
            <Publication
              claimId={claim.id}
              isAdmin={actor.role === "ADMIN"}
              reviewed={claim.status !== "unreviewed"}
              needsReview={claim.needsReview || claim.sourceChanged}
              awaitingApproval={claim.publication.awaitingApproval}
              published={
                published
                  ? { label: verdictLabel(published.status, published.evidence), approvedBy: published.approvedBy, approvedAt: published.approvedAt }
                  : null
              }
            />

            {(
              [
                {
                  id: "suggestions-title",
                  title: "Suggestions from other outlets",
                  passages: suggestions,
                  mode: "suggestion",
                  empty: "No open suggestions for this claim.",
                },
                { id: "links-title", title: "Linked passages", passages: links, mode: "link", empty: "Nothing is linked yet." },
              ] as const
            ).map((section) => (
              <PassageSection key={section.id} {...section} claimId={claim.id} filters={filters} />
            ))}

            <PassageSearch claimId={claim.id} />

            <Section id="history-title" title="History">
              {history.length ? (
                <ol aria-labelledby="history-title" className="space-y-2 text-sm">
                  {history.map((e) => (
                    <li key={e.id} className="rounded border border-stone-200 bg-white p-2">
                      <p>
                        <strong>{e.actor?.name ?? "System"}</strong> · <time dateTime={e.at.toISOString()}>{when(e.at)}</time> · {historyLine(e)}
                      </p>
                      {e.kind === "verdict" && e.rationale && <p className="text-stone-700">“{e.rationale}”</p>}
                      {e.links.length > 0 && (
                        <p className="text-stone-600">
                          Links: {e.links.map((c) => `${c.article.outlet.name}: ${c.text.slice(0, 90)}${c.text.length > 90 ? "…" : ""}`).join(" | ")}
                        </p>
                      )}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-stone-600">No verdict or link changes yet.</p>
              )}
            </Section>
            <CurationHistory edits={edits} />
          </div>
        </ClaimVersionProvider>
      </div>
    </div>
  );
}

function historyLine(e: HistoryRow): string {
  switch (e.kind) {
    case "link":
      return e.linkChange ? LINK_CHANGE_PHRASE[e.linkChange] : "changed a link";
    case "approval":
      return `approved ${label(e.verdict.toLowerCase())} for publication`;
    case "unpublish":
      return "unpublished";
    case "needs_review":
      return `flagged for re-review: ${e.rationale ?? ""}`;
    case "source_changed":
      return `source changed: ${e.rationale ?? ""}`;
    case "verdict":
      return `${label(e.verdict.toLowerCase())} (was ${label(e.previous.toLowerCase())})`;
  }
}
