import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { annotationsStream, reviewContext } from "@/lib/exports/data";

// Every confirmed link as a W3C Web Annotation, in a JSON array (each item carries its @context).
export const GET = route({ role: "REVIEWER" }, async () => {
  const db = getDb();
  const { siteUrl } = await reviewContext(db);
  return new Response(annotationsStream(db, siteUrl), {
    headers: { "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8', "cache-control": "no-store" },
  });
});
