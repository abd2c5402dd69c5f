import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { publicClaimPage, type PublicClaim } from "@/lib/exports/data";
import { publicClaimParams } from "@/lib/exports/schema";
import { buildClaimReview, jsonForScript, ratingLabel } from "@/lib/exports/claimreview";
import { resolveSiteUrl } from "@/lib/settings/data";
import { Section } from "../../_components/ui";

// Public and read-only (the proxy lets /r/ through without a session). 404 when admins have turned
// public pages off, and for unknown or never-approved claims, so nothing is public before an admin
// approves it. It shows the approved review, even while a newer verdict awaits approval.

async function load(params: Promise<{ id: string }>) {
  const parsed = publicClaimParams.safeParse(await params);
  if (!parsed.success) notFound();
  const data = await publicClaimPage(getDb(), parsed.data.id);
  if (!data) notFound();
  return data;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { claim } = await load(params);
  return { title: `${ratingLabel(claim.status, claim.disputed)}: ${claim.text.slice(0, 60)}` };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function Passage({ e }: { e: PublicClaim["evidence"][number] }) {
  // e.relation is from the approved snapshot: a contradicting item says so, whatever the verdict.
  const a = e.claim.article;
  return (
    <li className="rounded border border-stone-200 bg-white p-3">
      <p className="mb-1 text-sm font-medium">
        {e.relation === "SUPPORTS" ? "Supports" : "Contradicts"} · <bdi>{a.outlet.name}</bdi>
        {a.title && (
          <>
            {" "}
            · <bdi>{a.title}</bdi>
          </>
        )}
        {day(a.publishedAt) ? ` · ${day(a.publishedAt)}` : ""}
      </p>
      <blockquote dir="auto" className="text-stone-700">
        {e.claim.prefix && <span className="text-stone-500">…{e.claim.prefix}</span>}
        <mark className="bg-amber-100">{e.claim.text}</mark>
        {e.claim.suffix && <span className="text-stone-500">{e.claim.suffix}…</span>}
      </blockquote>
      {a.url && (
        <a href={a.url} className="text-sm text-blue-700 underline" rel="nofollow noopener">
          Read at <bdi>{a.outlet.name}</bdi>
        </a>
      )}
    </li>
  );
}

export default async function PublicClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { claim, settings } = await load(params);
  const siteUrl = resolveSiteUrl(settings);
  const review = buildClaimReview(claim, { siteUrl, organisation: { name: settings.organisationName, url: settings.organisationUrl } });
  const label = ratingLabel(claim.status, claim.disputed);
  return (
    <article aria-labelledby="claim-title" className="max-w-3xl space-y-6">
      {/* JSON-LD is data for crawlers, not text for people; jsonForScript escapes "<" so the claim cannot end the script. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript({ "@context": "https://schema.org", ...review }) }} />
      <header>
        <p className="text-sm text-stone-600">
          Fact check by {settings.organisationName} · {review.datePublished}
        </p>
        <h1 id="claim-title" dir="auto" className="mt-1 text-2xl font-semibold">
          {claim.text}
        </h1>
        <p className="mt-2 text-sm text-stone-600">
          As stated by <bdi>{claim.article.outlet.name}</bdi>
          {claim.article.title && (
            <>
              {" "}
              in “<bdi>{claim.article.title}</bdi>”
            </>
          )}
          {day(claim.article.publishedAt) ? `, ${day(claim.article.publishedAt)}` : ""}
          {claim.article.url && (
            <>
              {" "}
              ·{" "}
              <a href={claim.article.url} className="text-blue-700 underline" rel="nofollow noopener">
                source
              </a>
            </>
          )}
        </p>
      </header>
      <section aria-labelledby="verdict-title" className="rounded border border-stone-300 bg-stone-50 p-4">
        <h2 id="verdict-title" className="text-sm font-medium uppercase tracking-wide text-stone-600">
          Verdict
        </h2>
        <p className="text-xl font-semibold">{label}</p>
        {claim.disputed && <p className="mt-1 text-sm">Other outlets contradict this claim; the evidence below lists them as contradicting.</p>}
        {claim.rationale && (
          <p dir="auto" className="mt-2 whitespace-pre-line">
            {claim.rationale}
          </p>
        )}
        {claim.sourceNote && (
          <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            {claim.sourceNote}
          </p>
        )}
      </section>
      <Section id="evidence-title" title="Evidence">
        {claim.evidence.length === 0 ? (
          <p className="text-stone-600">No other outlet was found reporting this claim.</p>
        ) : (
          <ul className="space-y-3">
            {claim.evidence.map((e) => (
              <Passage key={e.claim.id} e={e} />
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}
