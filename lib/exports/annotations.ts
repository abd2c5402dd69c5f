// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) for a confirmed link between two
// claims, served as an AnnotationCollection in AnnotationPages (https://www.w3.org/TR/annotation-model/#annotation-collection).
// Pure. Selector positions count characters of the article's cleaned text (Article.text), the text
// the desk shows; the TextQuoteSelector (exact + prefix + suffix) also finds the passage on the original page.
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const ANNOTATION_PAGE_SIZE = 500;

export type AnnotatedClaim = {
  id: string;
  text: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  // The article version the claim's words come from, and that version's fetched page when it has one.
  anchoredVersion?: number;
  article: { id: string; url: string | null; currentVersion?: number; snapshot?: { id: string; fetchedAt: Date; finalUrl: string } | null };
};
export type AnnotatedLink = {
  id: string;
  relation: "SUPPORTS" | "CONTRADICTS";
  confirmedAt: Date | null;
  updatedAt: Date;
  confirmedBy: { id: string; name: string } | null;
  from: AnnotatedClaim;
  to: AnnotatedClaim;
};

// The outlet's own page when the article's URL is known, else the claim's public page: never the
// desk's login-only article pages.
// When the live page has changed since the claim's version (docs/decisions/023), the target names
// that version's snapshot with a TimeState: the date the page said this, and the desk's kept copy.
function specificResource(c: AnnotatedClaim, siteUrl: string) {
  const snap = c.article.snapshot;
  const moved = snap && c.anchoredVersion !== undefined && c.article.currentVersion !== undefined && c.anchoredVersion !== c.article.currentVersion;
  return {
    type: "SpecificResource",
    source: c.article.url ?? snap?.finalUrl ?? `${siteUrl}/r/${c.id}`,
    ...(moved
      ? { state: { type: "TimeState", sourceDate: snap.fetchedAt.toISOString(), cached: `${siteUrl}/articles/${c.article.id}/snapshots?s=${snap.id}` } }
      : {}),
    selector: [
      { type: "TextQuoteSelector", exact: c.text, prefix: c.prefix, suffix: c.suffix },
      { type: "TextPositionSelector", start: c.start, end: c.end },
    ],
  };
}

export function buildAnnotation(l: AnnotatedLink, siteUrl: string) {
  const verb = l.relation === "SUPPORTS" ? "supports" : "contradicts";
  return {
    id: `urn:uuid:${l.id}`,
    type: "Annotation",
    // "linking" joins the two passages; "assessing" says the desk judged how they relate.
    motivation: ["linking", "assessing"],
    // Who confirmed the link and when: the reviewer's judgement, not the matcher's suggestion.
    ...(l.confirmedBy ? { creator: { id: `urn:uuid:${l.confirmedBy.id}`, type: "Person", name: l.confirmedBy.name } } : {}),
    created: (l.confirmedAt ?? l.updatedAt).toISOString(),
    modified: l.updatedAt.toISOString(),
    body: [
      { type: "TextualBody", purpose: "tagging", value: verb, format: "text/plain" },
      { type: "TextualBody", purpose: "describing", value: `“${l.from.text}” ${verb} “${l.to.text}”`, format: "text/plain" },
    ],
    // The first target is the claim the link starts from, the second the claim it supports or contradicts.
    target: [specificResource(l.from, siteUrl), specificResource(l.to, siteUrl)],
  };
}
export type Annotation = ReturnType<typeof buildAnnotation>;

export const pageCount = (total: number, size = ANNOTATION_PAGE_SIZE) => Math.max(1, Math.ceil(total / size));

export function annotationPage(p: { collectionId: string; page: number; total: number; items: Annotation[]; size?: number }) {
  const size = p.size ?? ANNOTATION_PAGE_SIZE;
  const last = pageCount(p.total, size);
  return {
    id: `${p.collectionId}?page=${p.page}`,
    type: "AnnotationPage",
    partOf: { id: p.collectionId, type: "AnnotationCollection", total: p.total },
    startIndex: (p.page - 1) * size,
    ...(p.page < last ? { next: `${p.collectionId}?page=${p.page + 1}` } : {}),
    ...(p.page > 1 ? { prev: `${p.collectionId}?page=${p.page - 1}` } : {}),
    items: p.items,
  };
}

// The collection, with its first page embedded so a small desk's export is one document.
export function annotationCollection(p: { collectionId: string; label: string; total: number; first: ReturnType<typeof annotationPage>; size?: number }) {
  return {
    "@context": ANNO_CONTEXT,
    id: p.collectionId,
    type: "AnnotationCollection",
    label: p.label,
    total: p.total,
    first: p.first,
    last: `${p.collectionId}?page=${pageCount(p.total, p.size)}`,
  };
}
