import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { annotationsExport, reviewContext } from "@/lib/exports/data";
import { annotationsQuery } from "@/lib/exports/schema";

// Every confirmed link as a W3C Web Annotation: an AnnotationCollection, paged with ?page=N.
export const GET = route({ role: "REVIEWER", query: annotationsQuery }, async ({ query }) => {
  const db = getDb();
  const { siteUrl } = await reviewContext(db);
  return new Response(JSON.stringify(await annotationsExport(db, siteUrl, query.page)), {
    headers: { "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8', "cache-control": "no-store" },
  });
});
