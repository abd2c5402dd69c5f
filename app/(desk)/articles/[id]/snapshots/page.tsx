import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { getSnapshot, listSnapshots } from "@/lib/articles/sources";
import { PageTitle } from "../../../../_components/ui";
import { DataTable } from "../../../../_components/data-table";

export const metadata: Metadata = { title: "Fetched pages" };

const query = z.object({ s: z.uuid().optional() });

// The raw pages an article was fetched from, for admins. A page is shown only inside an iframe with
// sandbox="" (no scripts, no forms, an opaque origin) under this page's CSP, which the srcdoc
// document inherits (no outside images, no scripts), or as escaped source text: never in this DOM.
export default async function SnapshotsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  await requirePageActor("ADMIN");
  const { id } = await params;
  const q = query.safeParse(await searchParams);
  if (!z.uuid().safeParse(id).success || !q.success) notFound();
  const db = getDb();
  const article = await db.article.findUnique({ where: { id }, select: { id: true, title: true } });
  if (!article) notFound();
  const snapshots = await listSnapshots(db, id);
  const chosen = snapshots.length ? await getSnapshot(db, id, q.data.s ?? snapshots[0].id) : null;
  return (
    <div>
      <PageTitle>Fetched pages</PageTitle>
      <p className="mb-4">
        <Link href={`/articles/${id}`} className="text-blue-700 underline">
          Back to {article.title ?? "the article"}
        </Link>
      </p>
      {!snapshots.length && <p>This article was not imported from an address.</p>}
      <DataTable
        caption="Snapshots"
        className="mb-6"
        rows={snapshots}
        rowKey={(s) => s.id}
        rowClassName={(s) => (s.id === chosen?.id ? "bg-amber-50" : undefined)}
        columns={[
          {
            header: "Fetched",
            cell: (s) => (
              <Link href={`/articles/${id}/snapshots?s=${s.id}`} className="text-blue-700 underline">
                {s.fetchedAt.toISOString().replace("T", " ").slice(0, 19)} UTC
              </Link>
            ),
          },
          { header: "Version", cell: (s) => s.versions.map((v) => v.number).join(", ") || "—" },
          { header: "Status", cell: (s) => s.status },
          {
            header: "Address",
            className: "break-all",
            cell: (s) => (
              <>
                {s.finalUrl}
                {s.finalUrl !== s.requestedUrl && <> (asked for {s.requestedUrl})</>}
              </>
            ),
          },
          { header: "Size", cell: (s) => `${s.bytes.toLocaleString("en")} bytes` },
          { header: "SHA-256", className: "font-mono text-xs", cell: (s) => `${s.contentHash.slice(0, 16)}…` },
        ]}
      />
      {chosen && (
        <section aria-label="Snapshot">
          <h2 className="mb-2 text-lg font-semibold">As fetched {chosen.fetchedAt.toISOString()}</h2>
          <iframe
            title="Fetched page, sandboxed"
            sandbox=""
            srcDoc={chosen.html}
            referrerPolicy="no-referrer"
            className="h-[32rem] w-full border border-stone-300 bg-white"
          />
          <details className="mt-4">
            <summary className="cursor-pointer">Page source</summary>
            <pre aria-label="Page source" className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all bg-stone-50 p-2 text-xs">
              {chosen.html}
            </pre>
          </details>
        </section>
      )}
    </div>
  );
}
