// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) for a confirmed link between two
// claims. Pure. Selector positions count characters of the article's cleaned text (Article.text),
// the text the desk shows; the TextQuoteSelector (exact + prefix + suffix) also finds the passage
// on the original page.
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export type AnnotatedClaim = {
  id: string; text: string; start: number; end: number; prefix: string; suffix: string;
  article: { id: string; url: string | null };
};
export type AnnotatedLink = {
  id: string; relation: "SUPPORTS" | "CONTRADICTS"; createdAt: Date; updatedAt: Date;
  createdBy: { name: string } | null;
  from: AnnotatedClaim; to: AnnotatedClaim;
};

function specificResource(c: AnnotatedClaim, siteUrl: string) {
  return {
    type: "SpecificResource",
    source: c.article.url ?? `${siteUrl}/articles/${c.article.id}`,
    selector: [
      { type: "TextQuoteSelector", exact: c.text, prefix: c.prefix, suffix: c.suffix },
      { type: "TextPositionSelector", start: c.start, end: c.end },
    ],
  };
}

export function buildAnnotation(l: AnnotatedLink, siteUrl: string) {
  const verb = l.relation === "SUPPORTS" ? "supports" : "contradicts";
  return {
    "@context": ANNO_CONTEXT,
    id: `urn:uuid:${l.id}`,
    type: "Annotation",
    // "linking" joins the two passages; "assessing" says the desk judged how they relate.
    motivation: ["linking", "assessing"],
    created: l.createdAt.toISOString(),
    modified: l.updatedAt.toISOString(),
    ...(l.createdBy ? { creator: { type: "Person", name: l.createdBy.name } } : {}),
    body: [
      { type: "TextualBody", purpose: "tagging", value: verb, format: "text/plain" },
      { type: "TextualBody", purpose: "describing", value: `“${l.from.text}” ${verb} “${l.to.text}”`, format: "text/plain" },
    ],
    // The first target is the claim the link starts from, the second the claim it supports or contradicts.
    target: [specificResource(l.from, siteUrl), specificResource(l.to, siteUrl)],
  };
}
export type Annotation = ReturnType<typeof buildAnnotation>;
