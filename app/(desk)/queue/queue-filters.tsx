import Link from "next/link";
import { FLAG_LABELS, QUEUE_FLAGS, QUEUE_STATUSES, STATUS_LABELS, queueHref, statusValue, type ClaimStatusValue, type QueueFilters } from "@/lib/queue/schema";
import type { StatusCount } from "@/lib/queue/data";
import { buttonClass } from "../../_components/ui";
import { Field } from "../../_components/field";

type Options = {
  outlets: { id: string; name: string }[];
  articles: { id: string; title: string | null; outlet: { name: string } }[];
  reviewers: { id: string; name: string }[];
};

const selectClass = "w-full rounded border border-stone-300 bg-white px-2 py-1.5";
const statusLabel = (s: (typeof QUEUE_STATUSES)[number]) => (s === "all" ? "All" : STATUS_LABELS[statusValue(s)!]);

// A plain GET form: the filtered queue is a URL a reviewer can bookmark or send to a colleague.
export function QueueFilterForm({ filters, options }: { filters: QueueFilters; options: Options }) {
  return (
    <form method="get" action="/queue" role="search" aria-label="Filter claims" className="mb-4 grid gap-3 rounded border border-stone-200 bg-white p-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
      <Field label="Search claims" className="sm:col-span-2 lg:col-span-4" noErrors>
        {(f) => (
          <input {...f} name="q" type="search" maxLength={200} defaultValue={filters.q ?? ""} className={selectClass} />
        )}
      </Field>
      <Field label="Status" noErrors>
        {(f) => (
          <select {...f} name="status" defaultValue={filters.status} className={selectClass}>
            {QUEUE_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
          </select>
        )}
      </Field>
      <Field label="Outlet" noErrors>
        {(f) => (
          <select {...f} name="outlet" defaultValue={filters.outlet ?? ""} className={selectClass}>
            <option value="">Any outlet</option>
            {options.outlets.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        )}
      </Field>
      <Field label="Article" noErrors>
        {(f) => (
          <select {...f} name="article" defaultValue={filters.article ?? ""} className={selectClass}>
            <option value="">Any article</option>
            {options.articles.map((a) => <option key={a.id} value={a.id}>{a.title ?? `Untitled (${a.outlet.name})`}</option>)}
          </select>
        )}
      </Field>
      <Field label="Assignee" noErrors>
        {(f) => (
          <select {...f} name="assignee" defaultValue={filters.assignee} className={selectClass}>
            <option value="anyone">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
            {options.reviewers.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        )}
      </Field>
      <Field label="Review state" noErrors>
        {(f) => (
          <select {...f} name="flag" defaultValue={filters.flag ?? ""} className={selectClass}>
            <option value="">Any</option>
            {QUEUE_FLAGS.map((f) => <option key={f} value={f}>{FLAG_LABELS[f]}</option>)}
          </select>
        )}
      </Field>
      <div className="flex items-center gap-2">
        <input id="queue-contradiction" name="contradiction" type="checkbox" value="on" defaultChecked={filters.contradiction} className="h-4 w-4" />
        <label htmlFor="queue-contradiction">Has a contradiction suggestion</label>
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:justify-end">
        <Link href="/queue" className="text-blue-700 underline">Clear filters</Link>
        <button type="submit" className={buttonClass}>Apply filters</button>
      </div>
    </form>
  );
}

// A count past the cap reads "10,000+": a lower bound, said as one (docs/decisions/021).
const countLabel = ({ n, capped }: StatusCount) => `${n.toLocaleString("en")}${capped ? "+" : ""}`;

// counts is null when counting took too long under these filters: the links then carry no number.
export function StatusCounts({ filters, counts }: { filters: QueueFilters; counts: Record<ClaimStatusValue, StatusCount> | null }) {
  const all = counts ? Object.values(counts) : [];
  const total = { n: all.reduce((a, b) => a + b.n, 0), capped: all.some((c) => c.capped) };
  const items = QUEUE_STATUSES.map((s) => ({ s, n: counts ? countLabel(s === "all" ? total : counts[statusValue(s)!]) : "" }));
  return (
    <nav aria-label="Claims by status" className="mb-4 text-sm">
      <ul className="flex flex-wrap gap-x-1 gap-y-1">
        {items.map(({ s, n }, i) => (
          <li key={s}>
            {i > 0 && <span aria-hidden className="mx-1 text-stone-500">·</span>}
            <Link
              href={queueHref({ ...filters, status: s, page: 1, after: undefined, before: undefined })}
              aria-current={filters.status === s ? "page" : undefined}
              className={filters.status === s ? "font-semibold underline" : "text-blue-700 hover:underline"}
            >
              {n ? `${statusLabel(s)} ${n}` : statusLabel(s)}
            </Link>
          </li>
        ))}
      </ul>
      {!counts && <p className="mt-1 text-xs text-stone-600">Too many claims to count quickly under these filters; narrow them to see counts.</p>}
    </nav>
  );
}
