import { openApiDocument } from "@/lib/openapi/document";
import { routesOf, type ApiRoute, type RouteSpec } from "@/lib/openapi/spec";
import * as me from "./me/route";
import * as articles from "./articles/route";
import * as articlesId from "./articles/[id]/route";
import * as articlesIdRefetch from "./articles/[id]/refetch/route";
import * as articlesIdVersions from "./articles/[id]/versions/route";
import * as feeds from "./feeds/route";
import * as feedsId from "./feeds/[id]/route";
import * as feedsIdPoll from "./feeds/[id]/poll/route";
import * as claims from "./claims/route";
import * as claimsId from "./claims/[id]/route";
import * as claimsIdHistory from "./claims/[id]/history/route";
import * as claimsIdVerdict from "./claims/[id]/verdict/route";
import * as claimsIdLinks from "./claims/[id]/links/route";
import * as claimsIdLinksOtherId from "./claims/[id]/links/[otherId]/route";
import * as claimsIdPublication from "./claims/[id]/publication/route";
import * as claimsIdSplit from "./claims/[id]/split/route";
import * as claimsIdMerge from "./claims/[id]/merge/route";
import * as claimsIdSetAside from "./claims/[id]/set-aside/route";
import * as claimsIdRestore from "./claims/[id]/restore/route";
import * as claimsIdEdits from "./claims/[id]/edits/route";
import * as queueAssign from "./queue/assign/route";
import * as outlets from "./outlets/route";
import * as outletsId from "./outlets/[id]/route";
import * as users from "./users/route";
import * as usersId from "./users/[id]/route";
import * as tokens from "./tokens/route";
import * as tokensId from "./tokens/[id]/route";
import * as exportClaimreview from "./export/claimreview/route";
import * as exportClaimsCsv from "./export/claims.csv/route";
import * as exportAnnotationsJsonld from "./export/annotations.jsonld/route";

// Every route module under /api/v1 with its path: the API reference is built from what each route
// declares to the wrapper (role, schemas, doc). registry.test.ts fails when a route on disk is
// missing here, sits under another path, or declares no doc.
export const API_MODULES: [string, Record<string, unknown>][] = [
  ["/api/v1/me", me],
  ["/api/v1/articles", articles],
  ["/api/v1/articles/{id}", articlesId],
  ["/api/v1/articles/{id}/refetch", articlesIdRefetch],
  ["/api/v1/articles/{id}/versions", articlesIdVersions],
  ["/api/v1/claims", claims],
  ["/api/v1/claims/{id}", claimsId],
  ["/api/v1/claims/{id}/history", claimsIdHistory],
  ["/api/v1/claims/{id}/verdict", claimsIdVerdict],
  ["/api/v1/claims/{id}/links", claimsIdLinks],
  ["/api/v1/claims/{id}/links/{otherId}", claimsIdLinksOtherId],
  ["/api/v1/claims/{id}/publication", claimsIdPublication],
  ["/api/v1/claims/{id}/split", claimsIdSplit],
  ["/api/v1/claims/{id}/merge", claimsIdMerge],
  ["/api/v1/claims/{id}/set-aside", claimsIdSetAside],
  ["/api/v1/claims/{id}/restore", claimsIdRestore],
  ["/api/v1/claims/{id}/edits", claimsIdEdits],
  ["/api/v1/queue/assign", queueAssign],
  ["/api/v1/outlets", outlets],
  ["/api/v1/outlets/{id}", outletsId],
  ["/api/v1/feeds", feeds],
  ["/api/v1/feeds/{id}", feedsId],
  ["/api/v1/feeds/{id}/poll", feedsIdPoll],
  ["/api/v1/users", users],
  ["/api/v1/users/{id}", usersId],
  ["/api/v1/tokens", tokens],
  ["/api/v1/tokens/{id}", tokensId],
  ["/api/v1/export/claimreview", exportClaimreview],
  ["/api/v1/export/claims.csv", exportClaimsCsv],
  ["/api/v1/export/annotations.jsonld", exportAnnotationsJsonld],
];

// The document's own route is declared here and used by openapi.json/route.ts, so that module need
// not be imported here (it imports this one).
export const OPENAPI_ROUTE = {
  role: "public",
  doc: { tag: "Meta", summary: "This document", success: { status: 200, description: "OpenAPI 3.1." } },
} as const satisfies RouteSpec;

export const apiRoutes = (): ApiRoute[] => [
  ...API_MODULES.flatMap(([path, mod]) => routesOf(path, mod)),
  { method: "get", path: "/api/v1/openapi.json", spec: OPENAPI_ROUTE },
];

export function apiDocument(opts: { serverUrl?: string } = {}) {
  return openApiDocument(apiRoutes(), opts);
}
