import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/auth/guard";
import { auditFilterOptions, listAudit } from "@/lib/audit/data";
import { auditHref, parseAuditFilters } from "@/lib/audit/schema";
import { PageTitle, inputClass, buttonClass, secondaryButtonClass } from "../../_components/ui";
import { DataTable } from "../../_components/data-table";
import { Field, SelectField } from "../../_components/field";

export const metadata: Metadata = { title: "Audit log" };

const when = (d: Date) => `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor("ADMIN");
  const filters = parseAuditFilters(await searchParams);
  const db = getDb();
  const [{ items, hasNext, hasPrevious }, options] = await Promise.all([listAudit(db, filters), auditFilterOptions(db)]);
  return (
    <section aria-labelledby="audit-title">
      <PageTitle>
        <span id="audit-title">Audit log</span>
      </PageTitle>
      <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="mb-4 grid gap-3 sm:grid-cols-5 sm:items-end">
        <SelectField
          label="Actor"
          name="actor"
          value={filters.actor}
          any="Anyone"
          className={inputClass}
          options={options.actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
        />
        <SelectField
          label="Action"
          name="action"
          value={filters.action}
          any="Any action"
          className={inputClass}
          options={options.actions.map((a) => ({ value: a, label: a }))}
        />
        <Field label="From" noErrors>
          {(f) => <input {...f} name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />}
        </Field>
        <Field label="To" noErrors>
          {(f) => <input {...f} name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />}
        </Field>
        <button type="submit" className={buttonClass}>
          Filter
        </button>
      </form>
      <DataTable
        caption="Audit entries, newest first"
        rows={items}
        rowKey={(e) => String(e.id)}
        empty="No entries match."
        columns={[
          { header: "When", className: "whitespace-nowrap", cell: (e) => when(e.at) },
          { header: "Actor", cell: (e) => (e.actor ? `${e.actor.name} (${e.actor.email})` : "System") },
          { header: "Action", className: "font-mono", cell: (e) => e.action },
          {
            header: "Entity",
            cell: (e) => (
              <>
                {e.entity}
                {e.entityId ? <span className="block font-mono text-xs text-stone-500">{e.entityId}</span> : null}
              </>
            ),
          },
          { header: "Details", cell: (e) => <code className="block max-w-md break-all text-xs">{e.data == null ? "" : JSON.stringify(e.data)}</code> },
        ]}
      />
      <nav aria-label="Audit pages" className="mt-4 flex items-center gap-3">
        {hasPrevious && (
          <Link href={auditHref({ ...filters, page: filters.page - 1 })} className={secondaryButtonClass}>
            Previous page
          </Link>
        )}
        <span className="text-sm text-stone-600">Page {filters.page}</span>
        {hasNext && (
          <Link href={auditHref({ ...filters, page: filters.page + 1 })} className={secondaryButtonClass}>
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}
