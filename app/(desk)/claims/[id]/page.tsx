import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { claimForReview, neighbourClaims } from "@/lib/claims/data";
import { presentClaimReview, type PresentedPassage } from "@/lib/claims/present";
import { claimHistory } from "@/lib/verdicts/data";
import { paragraphs } from "@/lib/articles/highlight";
import { VERDICT_LABEL, type Verdict } from "@/lib/verdicts/rules";
import { PageTitle, secondaryButtonClass } from "../../../_components/ui";
import { VerdictForm } from "./verdict-form";
import { PassageActions } from "./passage-actions";
import { PassageSearch } from "./passage-search";
import { PassageInContext, independenceLabel } from "./passage";
import { ReviewShortcuts } from "./shortcuts";

export const metadata: Metadata = { title: "Review claim" };

const label = (s: string) => VERDICT_LABEL[s as Verdict] ?? s;
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function Passage({ p, claimId, mode }: { p: PresentedPassage; claimId: string; mode: "suggestion" | "link" }) {
  const name = `${p.article.outlet}: ${p.text}`;
  return (
    <li>
      <article tabIndex={0} aria-label={`${mode === "link" ? "Linked passage" : "Suggestion"} from ${name}`} data-suggestion={mode === "suggestion" || undefined}
        className="rounded border border-stone-200 bg-white p-3 outline-offset-2 focus:outline-3 focus:outline-blue-700">
        <p className="mb-1 text-sm text-stone-700">
          <strong><bdi>{p.article.outlet}</bdi></strong>{p.article.title && <> · <bdi>{p.article.title}</bdi></>}
          {" · "}<span className={p.relation === "contradicts" ? "text-red-800" : "text-green-800"}>{p.relation}</span>
          {" · "}score {p.score.toFixed(2)}{" · "}{independenceLabel(p.independent)}
          {mode === "link" && p.origin === "reviewer" && p.createdBy && <> · linked by {p.createdBy.name}</>}
        </p>
        <PassageInContext prefix={p.prefix} text={p.text} suffix={p.suffix} reasons={p.reasons} />
        {p.reasons.length > 0 && <p className="mt-1 text-xs text-stone-600">Why: {p.reasons.join("; ")}</p>}
        <p className="mt-1 text-xs"><Link href={`/claims/${p.claimId}`} className="text-blue-700 underline">Open this claim</Link></p>
        <PassageActions claimId={claimId} target={{ claimId: p.claimId }} suggested={p.relation} mode={mode} label={name} />
      </article>
    </li>
  );
}

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const found = await claimForReview(db, id);
  if (!found) notFound();
  const [history, nav] = await Promise.all([claimHistory(db, id), neighbourClaims(db, found.claim)]);
  const { claim, article, links, suggestions } = presentClaimReview(found);

  return (
    <div key={id}>
      <div className="flex flex-wrap items-start gap-3">
        <PageTitle>Review claim</PageTitle>
        <nav aria-label="Claims" className="ml-auto flex flex-wrap gap-2">
          {nav.previousId && <Link id="previous-claim" href={`/claims/${nav.previousId}`} className={secondaryButtonClass} aria-keyshortcuts="k">Previous claim</Link>}
          {nav.nextId && <Link id="next-claim" href={`/claims/${nav.nextId}`} className={secondaryButtonClass} aria-keyshortcuts="j">Next claim</Link>}
          <ReviewShortcuts />
        </nav>
      </div>
      <p className="mb-4 text-sm text-stone-600">
        <bdi>{article.outlet}</bdi>{article.publishedAt && <> · published {article.publishedAt}</>}{article.wireCredit && <> · {article.wireCredit}</>}
        {" · "}<Link href={`/articles/${article.id}`} className="text-blue-700 underline">{article.title ?? "Open the article"}</Link>
        {" · "}status <strong>{label(claim.status)}</strong> · check-worthiness {claim.checkworthiness.toFixed(2)} · {claim.kind}
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-label="Article text" tabIndex={0} className="max-h-[80vh] space-y-4 overflow-y-auto pr-2 leading-relaxed">
          {paragraphs(article.text, [claim]).map((p) => (
            <p key={p.start}>
              {p.segments.map((s) => s.claimId ? (
                <mark key={s.start} id="claim-mark" aria-label={`Claim: ${claim.text}`} className="rounded bg-amber-200 px-0.5 text-inherit">{s.text}</mark>
              ) : <span key={s.start}>{s.text}</span>)}
            </p>
          ))}
        </section>

        <div className="space-y-6">
          <VerdictForm key={claim.id} claimId={claim.id} status={claim.status} suggested={claim.suggestedVerdict} version={claim.version}
            links={links.map((l) => ({ relation: l.relation, independent: l.independent }))} />

          <section aria-labelledby="suggestions-title">
            <h2 id="suggestions-title" className="mb-2 text-lg font-semibold">Suggestions from other outlets</h2>
            {suggestions.length ? (
              <ul aria-labelledby="suggestions-title" className="space-y-3">
                {suggestions.map((p) => <Passage key={p.claimId} p={p} claimId={claim.id} mode="suggestion" />)}
              </ul>
            ) : <p className="text-sm text-stone-600">No open suggestions for this claim.</p>}
          </section>

          <section aria-labelledby="links-title">
            <h2 id="links-title" className="mb-2 text-lg font-semibold">Linked passages</h2>
            {links.length ? (
              <ul aria-labelledby="links-title" className="space-y-3">
                {links.map((p) => <Passage key={p.claimId} p={p} claimId={claim.id} mode="link" />)}
              </ul>
            ) : <p className="text-sm text-stone-600">Nothing is linked yet.</p>}
          </section>

          <PassageSearch claimId={claim.id} />

          <section aria-labelledby="history-title">
            <h2 id="history-title" className="mb-2 text-lg font-semibold">History</h2>
            {history.length ? (
              <ol aria-labelledby="history-title" className="space-y-2 text-sm">
                {history.map((e) => (
                  <li key={e.id} className="rounded border border-stone-200 bg-white p-2">
                    <p>
                      <strong>{e.actor?.name ?? "System"}</strong> · <time dateTime={e.at.toISOString()}>{when(e.at)}</time> ·{" "}
                      {e.kind === "link" ? e.rationale!.replace(/^Link change: /, "") : `${label(e.verdict.toLowerCase())} (was ${label(e.previous.toLowerCase())})`}
                    </p>
                    {e.kind === "verdict" && e.rationale && <p className="text-stone-700">“{e.rationale}”</p>}
                    {e.links.length > 0 && (
                      <p className="text-stone-600">Links: {e.links.map((c) => `${c.article.outlet.name}: ${c.text.slice(0, 90)}${c.text.length > 90 ? "…" : ""}`).join(" | ")}</p>
                    )}
                  </li>
                ))}
              </ol>
            ) : <p className="text-sm text-stone-600">No verdict or link changes yet.</p>}
          </section>
        </div>
      </div>
    </div>
  );
}
