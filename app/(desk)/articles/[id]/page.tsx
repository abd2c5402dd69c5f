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
import { RefetchButton } from "./refetch-button";
import { VersionsDiff, SourceChangedClaims } from "./versions";
import { listVersions } from "@/lib/articles/sources";
import Link from "next/link";

export const metadata: Metadata = { title: "Article" };

const versionParam = z.coerce.number().int().min(1).optional().catch(undefined);

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const sp = await searchParams;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const article = await getArticle(db, id);
  if (!article) notFound();
  const isAdmin = actor.role === "ADMIN";
  // Claims left on an earlier version (their words changed or gone) are not on this text: they are
  // listed apart with the change, and have no place or split points in it (docs/decisions/023).
  const onText = article.claims.filter((c) => c.anchoredVersion === article.currentVersion);
  const claims = article.claims.map((c) => ({ ...c, splitPoints: c.anchoredVersion === article.currentVersion ? splitPoints(article.text, c) : [] }));
  const versions = article.currentVersion > 1 ? await listVersions(db, id) : [];
  return (
    <article>
      <PageTitle>{article.title ?? `${article.outlet.name} article`}</PageTitle>
      <p className="mb-4 text-sm text-stone-600">
        {article.outlet.name}
        {article.publishedAt && <> · published {article.publishedAt.toISOString().slice(0, 10)}</>}
        {article.wireCredit && <> · {article.wireCredit}</>}
        {" · "}matching {article.matching.toLowerCase()} · {article.claims.length} claims
        {article.url && (
          <>
            {" "}
            ·{" "}
            <a href={article.url} className="text-blue-700 underline" rel="noreferrer noopener">
              source
            </a>
          </>
        )}
      </p>
      {(article.fetchUrl || (isAdmin && article.url)) && (
        <p className="mb-4 text-sm text-stone-600">
          {article.fetchUrl ? (
            <>
              Fetched from <span className="break-all">{article.fetchUrl}</span> · version {article.currentVersion}
            </>
          ) : (
            "Imported as text"
          )}
          {article.lastFetchedAt && <> · last fetched {article.lastFetchedAt.toISOString().replace("T", " ").slice(0, 16)} UTC</>}
          {article.fetchError && <span className="text-red-700"> · last fetch failed: {article.fetchError}</span>}
          {isAdmin && article.fetchUrl && (
            <>
              {" "}
              ·{" "}
              <Link href={`/articles/${article.id}/snapshots`} className="text-blue-700 underline">
                Fetched pages
              </Link>
            </>
          )}
          {isAdmin && (
            <>
              {" "}
              <RefetchButton articleId={article.id} />
            </>
          )}
        </p>
      )}
      <VersionsDiff articleId={article.id} versions={versions} from={versionParam.parse(sp.from)} to={versionParam.parse(sp.to)} />
      <SourceChangedClaims claims={article.claims.filter((c) => c.sourceChanged)} />
      {isAdmin && <WireCreditForm articleId={article.id} wireCredit={article.wireCredit} />}
      {isAdmin && (
        <ArticleAdmin
          article={{
            id: article.id,
            title: article.title,
            url: article.url,
            publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null,
            outlet: article.outlet.name,
            reviewed: article.claims.filter((c) => c.status !== "UNREVIEWED").length,
          }}
          outlets={(await knownOutlets(db)).map((o) => o.name)}
        />
      )}
      <ul aria-label="Legend" className="mb-4 flex flex-wrap gap-2 text-sm">
        {Object.entries(STATUS_STYLE).map(([k, s]) => (
          <li key={k} className={`rounded px-2 ${s.className}`}>
            {s.label}
          </li>
        ))}
      </ul>
      <ArticleText articleId={article.id} paragraphs={paragraphs(article.text, onText)} claims={claims} />
      <h2 className="mb-2 mt-8 text-xl font-semibold">Claims</h2>
      <ClaimTools articleId={article.id} claims={claims} isAdmin={isAdmin} />
    </article>
  );
}
