import { z } from "zod";
import { importArticleSchema, listArticlesQuery, updateArticleSchema } from "../articles/schema";
import { addClaimSchema, claimIdSchema, deleteSchema, listClaimsQuery, mergeSchema, restoreSchema, setAsideSchema, spanSchema, splitSchema } from "../claims/schema";
import { linkParams, linkTargetSchema, unlinkQuery } from "../links/schema";
import { approveSchema } from "../publishing/schema";
import { createOutletSchema, outletChangeSchema, outletIdSchema } from "../outlets/schema";
import { assignClaimSchema } from "../queue/schema";
import { createUserSchema, userChangeSchema, userIdSchema } from "../users/schema";
import { saveVerdictSchema } from "../verdicts/schema";
import { annotationsQuery, claimReviewQuery, claimsCsvQuery } from "../exports/schema";
import { createTokenSchema, tokenIdSchema } from "../tokens/schema";
import { BEST_RATING, RATING, WORST_RATING } from "../exports/claimreview";
import { ERRORS, ERROR_CODES } from "../http/errors";

// The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the route handlers parse
// with (zod 4's toJSONSchema, input side: what a client sends). A test (document.test.ts) walks
// app/api/v1 on disk and fails when a route's method is missing here.

type Access = "public" | "REVIEWER" | "ADMIN";
type Method = "get" | "post" | "patch" | "put" | "delete";
type JsonSchema = Record<string, unknown>;
type Success = { status: number; description: string; schema?: z.ZodType | JsonSchema; contentType?: string };
export type Operation = {
  method: Method; path: string; tag: string; summary: string; description?: string; access: Access;
  params?: z.ZodObject; query?: z.ZodObject; body?: z.ZodType; success: Success; errors?: number[];
};

export const errorBodySchema = z.object({
  error: z.enum(ERROR_CODES).describe("A stable code; the HTTP status follows from it."),
  message: z.string().describe("A sentence for people."),
  issues: z.array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() }).loose()).optional().describe("zod issues, for 400 bad_request."),
}).loose();

const uuidParam = (what: string) => z.object({ id: z.uuid(`Unknown ${what}.`) });
const anyObject = { type: "object" } as const;
const list = (item: JsonSchema = anyObject) => ({ type: "object", properties: { items: { type: "array", items: item }, nextCursor: { type: ["string", "null"] } }, required: ["items"] });

const ratingScale = Object.values(RATING).map((r) => `${r.value} = ${r.label}`).join(", ");

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/api/v1/me", tag: "Account", summary: "Who the credentials belong to", access: "REVIEWER", success: { status: 200, description: "The signed-in user.", schema: { type: "object", properties: { user: anyObject } } } },

  { method: "get", path: "/api/v1/articles", tag: "Articles", summary: "List articles, newest first", access: "REVIEWER", query: listArticlesQuery, success: { status: 200, description: "A page of articles with claim counts.", schema: list() } },
  { method: "post", path: "/api/v1/articles", tag: "Articles", summary: "Import an article", description: "Cleans the text, extracts claims and queues matching. An identical text answers 200 with duplicate: true.", access: "ADMIN", body: importArticleSchema, success: { status: 201, description: "Imported (200 when a duplicate).", schema: { type: "object", properties: { duplicate: { type: "boolean" }, articleId: { type: "string", format: "uuid" } } } } },
  { method: "get", path: "/api/v1/articles/{id}", tag: "Articles", summary: "An article with its claims", access: "REVIEWER", params: uuidParam("article"), success: { status: 200, description: "The article and its claims.", schema: { type: "object", properties: { article: anyObject, claims: { type: "array", items: anyObject } } } } },

  { method: "get", path: "/api/v1/claims", tag: "Claims", summary: "List claims, most check-worthy first", access: "REVIEWER", query: listClaimsQuery, success: { status: 200, description: "A page of claims.", schema: list() } },
  { method: "get", path: "/api/v1/claims/{id}", tag: "Claims", summary: "A claim with its confirmed links and stored suggestions", access: "REVIEWER", params: claimIdSchema, success: { status: 200, description: "The claim page's data." } },
  { method: "get", path: "/api/v1/claims/{id}/history", tag: "Claims", summary: "The claim's verdict and link history, newest first", access: "REVIEWER", params: claimIdSchema, success: { status: 200, description: "History items.", schema: list() } },
  { method: "post", path: "/api/v1/claims/{id}/verdict", tag: "Claims", summary: "Record a verdict", description: "Optimistic lock on `version`: 409 stale_version carries `current`; 422 names the verdict rule that failed.", access: "REVIEWER", params: claimIdSchema, body: saveVerdictSchema, success: { status: 200, description: "The claim after the verdict." }, errors: [409, 422] },
  { method: "post", path: "/api/v1/claims/{id}/links", tag: "Claims", summary: "Link a claim (or a passage of another article) as supporting or contradicting", description: "`version` is the claim's version the change is made against; a change bumps it (the answer carries the new one). 409 stale_version names who changed what and carries `current`.", access: "REVIEWER", params: claimIdSchema, body: linkTargetSchema, success: { status: 200, description: "The link change and the claim's new version." }, errors: [409, 422] },
  { method: "delete", path: "/api/v1/claims/{id}/links/{otherId}", tag: "Claims", summary: "Unlink a confirmed link or dismiss a suggestion", description: "?version= is the claim's version the change is made against, as for linking.", access: "REVIEWER", params: linkParams, query: unlinkQuery, success: { status: 200, description: "The change made (null: already rejected) and the claim's new version." }, errors: [409, 422] },
  { method: "post", path: "/api/v1/claims/{id}/publication", tag: "Claims", summary: "Approve a reviewed claim for publication", description: "The editor's sign-off: /r/{id} and the ClaimReview export show the approved review until the next approval. 409 when `version` is stale; 422 when the claim is unreviewed, needs re-review, or its verdict breaks a rule.", access: "ADMIN", params: claimIdSchema, body: approveSchema, success: { status: 200, description: "The published snapshot." }, errors: [409, 422] },
  { method: "delete", path: "/api/v1/claims/{id}/publication", tag: "Claims", summary: "Unpublish a claim", access: "ADMIN", params: claimIdSchema, success: { status: 200, description: "Whether anything changed." } },
  { method: "patch", path: "/api/v1/articles/{id}", tag: "Articles", summary: "Correct an article's title, URL, date, outlet or wire credit", description: "A blank value clears a field. A new date or outlet queues the article for matching again; a new wire credit recomputes the independence of every link touching the article in the same transaction, and reviewed claims whose confirmed evidence changed are flagged needs re-review.", access: "ADMIN", params: uuidParam("article"), body: updateArticleSchema, success: { status: 200, description: "The article, the fields changed and whether matching re-runs." } },
  { method: "delete", path: "/api/v1/articles/{id}", tag: "Articles", summary: "Delete an article with its claims and links", description: "409 when any claim has a verdict, unless `force` with a `reason` (kept in the audit log with the removed history).", access: "ADMIN", params: uuidParam("article"), body: deleteSchema, success: { status: 200, description: "Deleted." }, errors: [409] },
  { method: "post", path: "/api/v1/claims", tag: "Curation", summary: "Add a claim from a sentence or a selected span", description: "`snap: sentence` (default) widens the span to the sentences it touches. Refused (409) over another claim.", access: "REVIEWER", body: addClaimSchema, success: { status: 201, description: "The new claim's id and text." }, errors: [409, 422] },
  { method: "patch", path: "/api/v1/claims/{id}", tag: "Curation", summary: "Adjust a claim's span", description: "Optimistic lock on `version`. The text is always the article's text at the new offsets; matching re-runs.", access: "REVIEWER", params: claimIdSchema, body: spanSchema, success: { status: 200, description: "The claim's id and new version." }, errors: [409, 422] },
  { method: "delete", path: "/api/v1/claims/{id}", tag: "Curation", summary: "Delete a junk claim", description: "A claim with a verdict needs `force` and a `reason`.", access: "ADMIN", params: claimIdSchema, body: deleteSchema, success: { status: 200, description: "Deleted." }, errors: [409] },
  { method: "post", path: "/api/v1/claims/{id}/split", tag: "Curation", summary: "Split a claim in two at an offset", access: "REVIEWER", params: claimIdSchema, body: splitSchema, success: { status: 200, description: "The claim kept and the new claim's id." }, errors: [409, 422] },
  { method: "post", path: "/api/v1/claims/{id}/merge", tag: "Curation", summary: "Merge a duplicate into another claim of the same article", access: "REVIEWER", params: claimIdSchema, body: mergeSchema, success: { status: 200, description: "The claim kept." }, errors: [409, 422] },
  { method: "post", path: "/api/v1/claims/{id}/set-aside", tag: "Curation", summary: "Mark a claim not checkable (opinion, prediction, too vague, duplicate)", access: "REVIEWER", params: claimIdSchema, body: setAsideSchema, success: { status: 200, description: "The claim's new version." }, errors: [409] },
  { method: "post", path: "/api/v1/claims/{id}/restore", tag: "Curation", summary: "Return a set-aside claim to the queue", access: "REVIEWER", params: claimIdSchema, body: restoreSchema, success: { status: 200, description: "The claim's new version." }, errors: [409] },
  { method: "get", path: "/api/v1/claims/{id}/edits", tag: "Curation", summary: "The claim's curation history, newest first", access: "REVIEWER", params: claimIdSchema, success: { status: 200, description: "History items.", schema: list() } },

  { method: "post", path: "/api/v1/queue/assign", tag: "Queue", summary: "Assign a claim", description: "assigneeId: \"me\", a user id (admins) or null to unassign.", access: "REVIEWER", body: assignClaimSchema, success: { status: 200, description: "The assignment." } },

  { method: "get", path: "/api/v1/outlets", tag: "Outlets", summary: "List outlets", access: "REVIEWER", success: { status: 200, description: "All outlets.", schema: list() } },
  { method: "post", path: "/api/v1/outlets", tag: "Outlets", summary: "Create an outlet", access: "ADMIN", body: createOutletSchema, success: { status: 201, description: "The outlet.", schema: { type: "object", properties: { outlet: anyObject } } }, errors: [409] },
  { method: "patch", path: "/api/v1/outlets/{id}", tag: "Outlets", summary: "Change an outlet", access: "ADMIN", params: outletIdSchema, body: outletChangeSchema, success: { status: 200, description: "The outlet.", schema: { type: "object", properties: { outlet: anyObject } } }, errors: [409] },

  { method: "get", path: "/api/v1/users", tag: "Users", summary: "List users", access: "ADMIN", success: { status: 200, description: "All users.", schema: list() } },
  { method: "post", path: "/api/v1/users", tag: "Users", summary: "Create a user", description: "Without a password one is generated and returned once.", access: "ADMIN", body: createUserSchema, success: { status: 201, description: "The user (and a generated password)." }, errors: [409] },
  { method: "patch", path: "/api/v1/users/{id}", tag: "Users", summary: "Deactivate, reactivate, change role or reset password", access: "ADMIN", params: userIdSchema, body: userChangeSchema, success: { status: 200, description: "The user (and a new password for reset_password)." }, errors: [422] },

  { method: "get", path: "/api/v1/tokens", tag: "Tokens", summary: "List API tokens", description: "Reviewers see their own tokens, admins everyone's. Secrets are never listed.", access: "REVIEWER", success: { status: 200, description: "Tokens by prefix.", schema: list() } },
  { method: "post", path: "/api/v1/tokens", tag: "Tokens", summary: "Create an API token", description: "The secret is in this answer only. ownerId (admins only) creates a token for another user.", access: "REVIEWER", body: createTokenSchema, success: { status: 201, description: "The token and its secret.", schema: { type: "object", properties: { token: anyObject, secret: { type: "string", pattern: "^tri_" } }, required: ["token", "secret"] } }, errors: [422] },
  { method: "delete", path: "/api/v1/tokens/{id}", tag: "Tokens", summary: "Revoke an API token", description: "Takes effect on the very next request.", access: "REVIEWER", params: tokenIdSchema, success: { status: 200, description: "The revoked token." } },

  {
    method: "get", path: "/api/v1/export/claimreview", tag: "Exports", summary: "schema.org ClaimReview JSON-LD for approved claims",
    description: `One JSON-LD document {"@context": "https://schema.org", "@graph": [ClaimReview…]}, streamed; approved (published) claims only, as approved. reviewRating.ratingValue: ${ratingScale} (worstRating ${WORST_RATING}, bestRating ${BEST_RATING}); alternateName is the verdict's label, "(disputed)" when confirmed evidence contradicts a corroborated claim. itemReviewed.author is the claimant (the attribution) or else the outlet; appearance is the outlet's own URL of the claim's article. story: a story id from /stories.`,
    access: "REVIEWER", query: claimReviewQuery,
    success: { status: 200, description: "The ClaimReview graph.", contentType: "application/ld+json", schema: { type: "object", properties: { "@context": { const: "https://schema.org" }, "@graph": { type: "array", items: anyObject } } } },
  },
  {
    method: "get", path: "/api/v1/export/claims.csv", tag: "Exports", summary: "Every claim as CSV",
    description: "RFC 4180, CRLF line ends, streamed. Text that starts with = + - @ tab or CR is prefixed with ' so spreadsheets do not run it.",
    access: "REVIEWER", query: claimsCsvQuery, success: { status: 200, description: "claims.csv", contentType: "text/csv", schema: { type: "string" } },
  },
  {
    method: "get", path: "/api/v1/export/annotations.jsonld", tag: "Exports", summary: "Confirmed links as W3C Web Annotations",
    description: "An AnnotationCollection with its first AnnotationPage embedded; ?page=N answers that page. One Annotation per confirmed pair of claims, creator the confirming reviewer and created the confirmation time; target holds two SpecificResources (source: the outlet's URL, else the claim's public page) with a TextQuoteSelector and a TextPositionSelector each.",
    access: "REVIEWER", query: annotationsQuery, success: { status: 200, description: "The collection or one page.", contentType: "application/ld+json", schema: anyObject }, errors: [404],
  },
  { method: "get", path: "/api/v1/openapi.json", tag: "Meta", summary: "This document", access: "public", success: { status: 200, description: "OpenAPI 3.1." } },
];

function jsonSchema(s: z.ZodType | JsonSchema): JsonSchema {
  if (!(s instanceof z.ZodType)) return s;
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(op: Operation) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [["path", op.params], ["query", op.query]] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

// A status's description names the codes that answer with it, from the one table in lib/http.
function errorText(status: number): string {
  return ERROR_CODES.filter((c) => ERRORS[c].status === status).map((c) => `${c}: ${ERRORS[c].meaning}`).join(" ");
}

function responses(op: Operation) {
  const codes = new Set<number>(op.errors ?? []);
  if (op.params || op.query || op.body) codes.add(400);
  if (op.params) codes.add(404);
  if (op.body) codes.add(413);
  if (op.access !== "public") {
    codes.add(401);
    if (op.access === "ADMIN" || op.method !== "get") codes.add(403);
  }
  const out: Record<string, JsonSchema> = {
    [op.success.status]: {
      description: op.success.description,
      content: { [op.success.contentType ?? "application/json"]: { schema: op.success.schema ? jsonSchema(op.success.schema) : anyObject } },
    },
  };
  for (const c of [...codes].sort()) out[c] = { description: errorText(c), content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return out;
}

function operation(op: Operation) {
  const role = op.access === "public" ? "Public." : op.access === "ADMIN" ? "Admins only." : "Any signed-in user (reviewer or admin).";
  return {
    operationId: `${op.method}${op.path.replace(/^\/api\/v1/, "").replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    description: [role, op.description].filter(Boolean).join(" "),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    responses: responses(op),
    security: op.access === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
  };
}

export function openApiDocument(opts: { serverUrl?: string } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Triangulate API", version: "1",
      description: "The fact-check review desk's JSON API. Send an API token as `Authorization: Bearer tri_…` (create one at /admin/tokens or with POST /api/v1/tokens). Every error answers {error, message, issues?}.",
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema) },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token (tri_…)." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session after signing in." },
      },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
