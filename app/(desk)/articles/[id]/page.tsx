import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { getArticle } from "@/lib/articles/data";
import { paragraphs } from "@/lib/articles/highlight";
import { PageTitle } from "../../../_components/ui";
import { WireCreditForm } from "./wire-credit-form";

export const metadata: Metadata = { title: "Article" };

const KIND: Record<string, string> = { STATISTIC: "statistic", QUOTE: "quote", ATTRIBUTION: "attribution", EVENT: "event", OTHER: "other" };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const article = await getArticle(getDb(), id);
  if (!article) notFound();
  const byId = new Map(article.claims.map((c) => [c.id, c]));
  return (
    <article>
      <PageTitle>{article.title ?? `${article.outlet.name} article`}</PageTitle>
      <p className="mb-4 text-sm text-stone-600">
        {article.outlet.name}
        {article.publishedAt && <> · published {article.publishedAt.toISOString().slice(0, 10)}</>}
        {article.wireCredit && <> · {article.wireCredit}</>}
        {" · "}matching {article.matching.toLowerCase()} · {article.claims.length} claims
        {article.url && <> · <a href={article.url} className="text-blue-700 underline" rel="noreferrer noopener">source</a></>}
      </p>
      {actor.role === "ADMIN" && <WireCreditForm articleId={article.id} wireCredit={article.wireCredit} />}
      <section aria-label="Article text" className="max-w-3xl space-y-4 leading-relaxed">
        {paragraphs(article.text, article.claims).map((p) => (
          <p key={p.start}>
            {p.segments.map((s) => {
              const claim = s.claimId ? byId.get(s.claimId) : undefined;
              return claim ? (
                <mark key={s.start} aria-label={`Claim: ${claim.text}`} title={`${KIND[claim.kind]} · check-worthiness ${claim.checkworthiness.toFixed(2)}`} className="rounded bg-amber-100 px-0.5 text-inherit">
                  {s.text}
                </mark>
              ) : (
                <span key={s.start}>{s.text}</span>
              );
            })}
          </p>
        ))}
      </section>
    </article>
  );
}
