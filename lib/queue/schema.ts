import { z } from "zod";
import { lineText } from "../text/schema";

// The queue's filters arrive as URL parameters (a GET form, so a filtered queue can be shared).
// A parameter that does not parse is dropped and named back to the reviewer, never a 500.

export const QUEUE_STATUSES = ["all", "unreviewed", "corroborated", "single-sourced", "contradicted"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type ClaimStatusValue = "UNREVIEWED" | "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED";

export const STATUS_LABELS: Record<ClaimStatusValue, string> = {
  UNREVIEWED: "Unreviewed",
  CORROBORATED: "Corroborated",
  SINGLE_SOURCED: "Single-sourced",
  CONTRADICTED: "Contradicted",
};

export function statusParam(s: ClaimStatusValue): QueueStatus {
  return s.toLowerCase().replace("_", "-") as QueueStatus;
}
export function statusValue(s: QueueStatus): ClaimStatusValue | null {
  return s === "all" ? null : (s.toUpperCase().replace("-", "_") as ClaimStatusValue);
}

export const QUEUE_PAGE_SIZE = 25;

export const QUEUE_FLAGS = ["needs-review", "awaiting-approval", "source-changed"] as const;
export type QueueFlag = (typeof QUEUE_FLAGS)[number];
export const FLAG_LABELS: Record<QueueFlag, string> = {
  "needs-review": "Needs re-review",
  "awaiting-approval": "Awaiting approval",
  "source-changed": "Source changed",
};

// A row's place in the queue's order: check-worthiness, suggestion count, id.
export const QUEUE_CURSOR = /^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?_\d+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type QueueKey = { cw: number; n: number; id: string };
export const queueCursor = (k: QueueKey) => `${k.cw}_${k.n}_${k.id}`;
export function readQueueCursor(s: string): QueueKey {
  const [cw, n, id] = s.split("_");
  return { cw: Number(cw), n: Number(n), id: id.toLowerCase() };
}

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const clean = (v: unknown) => blank(one(v));

const fields = {
  status: z.preprocess(
    (v) => (typeof clean(v) === "string" ? (clean(v) as string).toLowerCase().replace("_", "-") : clean(v)),
    z.enum(QUEUE_STATUSES, { error: "Unknown status." }).default("unreviewed"),
  ),
  outlet: z.preprocess(clean, z.uuid("Not an outlet id.").optional()),
  article: z.preprocess(clean, z.uuid("Not an article id.").optional()),
  assignee: z.preprocess(clean, z.union([z.enum(["anyone", "me", "unassigned"]), z.uuid()], { error: "Unknown assignee." }).default("anyone")),
  contradiction: z.preprocess(clean, z.enum(["on", "1", "true"], { error: "Unknown value." }).optional()).transform((v) => v !== undefined),
  // Claims flagged "needs re-review", reviewed and awaiting an admin's approval for publishing, or
  // whose source article changed their words (docs/decisions/023).
  flag: z.preprocess(clean, z.enum(QUEUE_FLAGS, { error: "Unknown flag." }).optional()),
  q: z.preprocess(
    (v) => (typeof clean(v) === "string" ? (clean(v) as string).trim() || undefined : clean(v)),
    lineText().max(200, "Use at most 200 characters.").optional(),
  ),
  page: z.preprocess(clean, z.coerce.number({ error: "Not a page number." }).int().min(1).max(10_000).default(1)),
  // Keyset paging (docs/decisions/021): the sort key of the row a page starts after or ends before.
  // page then only numbers the page for the reader; without a cursor, page still works by offset.
  after: z.preprocess(clean, z.string().regex(QUEUE_CURSOR, "Not a queue position.").optional()),
  before: z.preprocess(clean, z.string().regex(QUEUE_CURSOR, "Not a queue position.").optional()),
};

export const queueFiltersSchema = z.object(fields);
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

const LABELS: Record<keyof typeof fields, string> = {
  status: "status",
  outlet: "outlet",
  article: "article",
  assignee: "assignee",
  contradiction: "contradiction",
  flag: "flag",
  q: "search",
  page: "page",
  after: "page",
  before: "page",
};

// Parses what it can; each bad parameter falls back to its default and is reported by name.
export function parseQueueFilters(raw: Record<string, unknown>): { filters: QueueFilters; ignored: string[] } {
  const input: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) input[k] = raw[k];
  const first = queueFiltersSchema.safeParse(input);
  if (first.success) return { filters: first.data, ignored: [] };
  const bad = new Set(first.error.issues.map((i) => String(i.path[0])).filter((k) => k in fields));
  for (const k of bad) delete input[k];
  const second = queueFiltersSchema.safeParse(input);
  const filters = second.success ? second.data : queueFiltersSchema.parse({});
  return { filters, ignored: [...bad].map((k) => LABELS[k as keyof typeof fields]) };
}

// The URL of the queue with these filters, so forms, pager and status links agree on one format.
export function queueHref(f: Partial<QueueFilters>): string {
  const s = queueParams(f);
  return s ? `/queue?${s}` : "/queue";
}

// A claim's URL that remembers the queue it was opened from, so Next and Previous follow that queue.
export function claimHref(id: string, f: Partial<QueueFilters>): string {
  const s = queueParams({ ...f, page: 1, after: undefined, before: undefined });
  return s ? `/claims/${id}?${s}` : `/claims/${id}`;
}

function queueParams(f: Partial<QueueFilters>): string {
  const p = new URLSearchParams();
  if (f.status && f.status !== "unreviewed") p.set("status", f.status);
  if (f.outlet) p.set("outlet", f.outlet);
  if (f.article) p.set("article", f.article);
  if (f.assignee && f.assignee !== "anyone") p.set("assignee", f.assignee);
  if (f.contradiction) p.set("contradiction", "on");
  if (f.flag) p.set("flag", f.flag);
  if (f.q) p.set("q", f.q);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  if (f.after) p.set("after", f.after);
  else if (f.before) p.set("before", f.before);
  return p.toString();
}

// Assignment: "me" is the actor, null or "" leaves the claim unassigned.
export const assignClaimSchema = z.object({
  claimId: z.uuid("Not a claim id."),
  assigneeId: z.preprocess((v) => (v === "" || v === "unassigned" ? null : v), z.union([z.literal("me"), z.uuid("Not a user id.")]).nullable()),
});
export type AssignClaimInput = z.infer<typeof assignClaimSchema>;
