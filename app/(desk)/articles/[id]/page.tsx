import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { getArticle, knownOutlets } from "@/lib/articles/data";
import { paragraphs } from "@/lib/articles/highlight";
import { splitPoints } from "@/lib/claims/span";
import { PageTitle } from "../../../_components/ui";
import { WireCreditForm } from "./wire-credit-form";
import { ArticleText } from "./article-text";
import { STATUS_STYLE } from "./status-style";
import { ClaimTools } from "./claim-tools";
import { ArticleAdmin } from "./article-admin";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const article = await getArticle(db, id);
  if (!article) notFound();
  const isAdmin = actor.role === "ADMIN";
  const claims = article.claims.map((c) => ({ ...c, splitPoints: splitPoints(article.text, c) }));
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
      {isAdmin && <WireCreditForm articleId={article.id} wireCredit={article.wireCredit} />}
      {isAdmin && (
        <ArticleAdmin
          article={{ id: article.id, title: article.title, url: article.url, publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null, outlet: article.outlet.name, reviewed: article.claims.filter((c) => c.status !== "UNREVIEWED").length }}
          outlets={(await knownOutlets(db)).map((o) => o.name)}
        />
      )}
      <ul aria-label="Legend" className="mb-4 flex flex-wrap gap-2 text-sm">
        {Object.entries(STATUS_STYLE).map(([k, s]) => <li key={k} className={`rounded px-2 ${s.className}`}>{s.label}</li>)}
      </ul>
      <ArticleText articleId={article.id} paragraphs={paragraphs(article.text, article.claims)} claims={claims} />
      <h2 className="mb-2 mt-8 text-xl font-semibold">Claims</h2>
      <ClaimTools articleId={article.id} claims={claims} isAdmin={isAdmin} />
    </article>
  );
}
