import { route } from "@/lib/http/route";
import { anyObject } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { annotationsExport, reviewContext } from "@/lib/exports/data";
import { annotationsQuery } from "@/lib/exports/schema";

// Every confirmed link as a W3C Web Annotation: an AnnotationCollection, paged with ?page=N.
export const GET = route(
  {
    role: "REVIEWER",
    query: annotationsQuery,
    doc: {
      tag: "Exports",
      summary: "Confirmed links as W3C Web Annotations",
      description:
        "An AnnotationCollection with its first AnnotationPage embedded; ?page=N answers that page. One Annotation per confirmed pair of claims, creator the confirming reviewer and created the confirmation time; target holds two SpecificResources (source: the outlet's URL, else the claim's public page) with a TextQuoteSelector and a TextPositionSelector each.",
      success: { status: 200, description: "The collection or one page.", contentType: "application/ld+json", schema: anyObject },
      errors: [404],
    },
  },
  async ({ query }) => {
    const db = getDb();
    const { siteUrl } = await reviewContext(db);
    return new Response(JSON.stringify(await annotationsExport(db, siteUrl, query.page)), {
      headers: { "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8', "cache-control": "no-store" },
    });
  },
);
