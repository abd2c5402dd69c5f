import { z } from "zod";
import { lineText } from "../text/schema";

// The audit page's filters arrive as URL parameters (a GET form, so a filtered view can be shared).
const blank = (v: unknown) => (v === "" || v === null ? undefined : Array.isArray(v) ? v[0] : v);

export const AUDIT_PAGE_SIZE = 50;

export const auditFiltersSchema = z.object({
  actor: z.preprocess(blank, z.uuid("Not a user id.").optional()),
  action: z.preprocess(blank, lineText().trim().max(100).optional()),
  from: z.preprocess(blank, z.iso.date("Use YYYY-MM-DD.").optional()),
  to: z.preprocess(blank, z.iso.date("Use YYYY-MM-DD.").optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

// Bad parameters are dropped rather than failing the page.
export function parseAuditFilters(raw: Record<string, unknown>): AuditFilters {
  const input: Record<string, unknown> = {};
  for (const k of Object.keys(auditFiltersSchema.shape)) input[k] = blank(raw[k]);
  const first = auditFiltersSchema.safeParse(input);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete input[String(issue.path[0])];
  return auditFiltersSchema.parse(input);
}

export function auditHref(f: Partial<AuditFilters>): string {
  const p = new URLSearchParams();
  if (f.actor) p.set("actor", f.actor);
  if (f.action) p.set("action", f.action);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  const s = p.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}
