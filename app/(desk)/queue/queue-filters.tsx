import Link from "next/link";
import { FLAG_LABELS, QUEUE_FLAGS, QUEUE_STATUSES, STATUS_LABELS, queueHref, statusValue, type ClaimStatusValue, type QueueFilters } from "@/lib/queue/schema";
import type { StatusCount } from "@/lib/queue/data";
import { buttonClass } from "../../_components/ui";
import { Field, SelectField } from "../../_components/field";

type Options = {
  outlets: { id: string; name: string }[];
  articles: { id: string; title: string | null; outlet: { name: string } }[];
  reviewers: { id: string; name: string }[];
};

const selectClass = "w-full rounded border border-stone-300 bg-white px-2 py-1.5";
const ASSIGNEES = [
  { value: "anyone", label: "Anyone" },
  { value: "me", label: "Me" },
  { value: "unassigned", label: "Unassigned" },
];
const statusLabel = (s: (typeof QUEUE_STATUSES)[number]) => (s === "all" ? "All" : STATUS_LABELS[statusValue(s)!]);

// A plain GET form: the filtered queue is a URL a reviewer can bookmark or send to a colleague.
export function QueueFilterForm({ filters, options }: { filters: QueueFilters; options: Options }) {
  return (
    <form
      method="get"
      action="/queue"
      role="search"
      aria-label="Filter claims"
      className="mb-4 grid gap-3 rounded border border-stone-200 bg-white p-3 text-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field label="Search claims" className="sm:col-span-2 lg:col-span-4" noErrors>
        {(f) => <input {...f} name="q" type="search" maxLength={200} defaultValue={filters.q ?? ""} className={selectClass} />}
      </Field>
      <SelectField
        label="Status"
        name="status"
        value={filters.status}
        className={selectClass}
        options={QUEUE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
      />
      <SelectField
        label="Outlet"
        name="outlet"
        value={filters.outlet}
        any="Any outlet"
        className={selectClass}
        options={options.outlets.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField
        label="Article"
        name="article"
        value={filters.article}
        any="Any article"
        className={selectClass}
        options={options.articles.map((a) => ({ value: a.id, label: a.title ?? `Untitled (${a.outlet.name})` }))}
      />
      <SelectField
        label="Assignee"
        name="assignee"
        value={filters.assignee}
        className={selectClass}
        options={[...ASSIGNEES, ...options.reviewers.map((u) => ({ value: u.id, label: u.name }))]}
      />
      <SelectField
        label="Review state"
        name="flag"
        value={filters.flag}
        any="Any"
        className={selectClass}
        options={QUEUE_FLAGS.map((f) => ({ value: f, label: FLAG_LABELS[f] }))}
      />
      <Field label="Has a contradiction suggestion" layout="check" noErrors>
        {(f) => <input {...f} name="contradiction" type="checkbox" value="on" defaultChecked={filters.contradiction} className="h-4 w-4" />}
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2 lg:justify-end">
        <Link href="/queue" className="text-blue-700 underline">
          Clear filters
        </Link>
        <button type="submit" className={buttonClass}>
          Apply filters
        </button>
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
            {i > 0 && (
              <span aria-hidden className="mx-1 text-stone-500">
                ·
              </span>
            )}
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
