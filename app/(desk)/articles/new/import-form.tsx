"use client";
import { useState } from "react";
import Link from "next/link";
import { importArticleAction } from "./actions";
import { formatOf, type SourceFormat } from "@/lib/articles/source-format";
import { detectMetadata, type KnownOutlet } from "@/lib/articles/metadata";
import { inputClass, buttonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";
import { DataTable } from "../../../_components/data-table";

type Result = { name: string; status: "new" | "duplicate" | "refused"; detail: string; articleId?: string };
// One file to import, with the metadata found in it; the admin edits these fields before importing.
type Row = { name: string; format: SourceFormat; source: string; title: string; publishedAt: string; outlet: string; url: string };
type Job = { name: string; fields: Record<string, string> };

// One file's metadata, edited in its row of the files table.
function RowInput({
  label,
  onChange,
  ...input
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  list?: string;
  placeholder?: string;
}) {
  return (
    <Field label={label} hideLabel noErrors>
      {(f) => (
        <input {...f} {...input} onChange={(e) => onChange(e.target.value)} className="w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm" />
      )}
    </Field>
  );
}

export function ImportForm({ outlets }: { outlets: KnownOutlet[] }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [results, setResults] = useState<Result[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  async function onFiles(e: React.ChangeEvent<HTMLInputElement>) {
    const files = [...(e.currentTarget.files ?? [])].filter((f) => f.size > 0);
    setRows(
      await Promise.all(
        files.map(async (f) => {
          const source = await f.text();
          const m = detectMetadata({ source, outlets });
          return {
            name: f.name,
            format: formatOf(f.name),
            source,
            title: m.title ?? "",
            publishedAt: m.publishedAt ?? "",
            outlet: m.outlet ?? "",
            url: m.url ?? "",
          };
        }),
      ),
    );
  }
  const edit = (i: number, field: "title" | "publishedAt" | "outlet", value: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [field]: value } : r)));

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const pasted = String(form.get("text") ?? "");
    const top = {
      outlet: String(form.get("outlet") ?? ""),
      title: String(form.get("title") ?? ""),
      url: String(form.get("url") ?? ""),
      publishedAt: String(form.get("publishedAt") ?? ""),
    };
    // Pasted text and files are both imported: neither silently replaces the other. The fields above
    // describe the pasted text; a file's row describes that file, and the outlet above is the
    // fallback for a file that names none.
    const jobs: Job[] = rows.map((r) => ({
      name: r.name,
      fields: { outlet: r.outlet || top.outlet, title: r.title, url: r.url, publishedAt: r.publishedAt, text: r.source, format: r.format },
    }));
    if (pasted.trim() || !rows.length) jobs.push({ name: "Pasted text", fields: { ...top, text: pasted, format: "text" } });
    setResults([]);
    setErrors({});
    setProgress({ done: 0, total: jobs.length });
    for (const [i, job] of jobs.entries()) {
      const res = await importArticleAction(null, job.fields);
      const result: Result = !res
        ? { name: job.name, status: "refused", detail: "No answer from the server." }
        : res.ok
          ? {
              name: job.name,
              status: res.data.duplicate ? "duplicate" : "new",
              detail: res.data.duplicate ? `already on the desk as ${res.data.outlet}'s article` : `${res.data.claims} claims`,
              articleId: res.data.articleId,
            }
          : {
              name: job.name,
              status: "refused",
              detail: res.fieldErrors
                ? Object.entries(res.fieldErrors)
                    .map(([k, v]) => `${k}: ${v.join(" ")}`)
                    .join("; ")
                : res.message,
            };
      if (res && !res.ok && res.fieldErrors && jobs.length === 1) setErrors(res.fieldErrors);
      setResults((r) => [...r, result]);
      setProgress({ done: i + 1, total: jobs.length });
    }
  }

  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-3" noValidate>
      <Field label="Outlet" errors={errors.outlet}>
        {(f) => (
          <>
            <input {...f} name="outlet" list="outlet-names" className={inputClass} placeholder="Pick an outlet or type a new one; files may name their own" />
            <datalist id="outlet-names">
              {outlets.map((o) => (
                <option key={o.name} value={o.name} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Title (optional)" errors={errors.title}>
          {(f) => <input {...f} name="title" className={inputClass} />}
        </Field>
        <Field label="URL (optional)" errors={errors.url}>
          {(f) => <input {...f} name="url" type="url" className={inputClass} />}
        </Field>
        <Field label="Publication date (optional)" errors={errors.publishedAt}>
          {(f) => <input {...f} name="publishedAt" type="date" className={inputClass} />}
        </Field>
      </div>
      <Field label="Article text" errors={errors.text}>
        {(f) => <textarea {...f} name="text" rows={8} className={inputClass} />}
      </Field>
      <Field label="Or upload files (.txt, .md, .html)" noErrors>
        {(f) => (
          <input
            {...f}
            name="files"
            type="file"
            multiple
            onChange={onFiles}
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            className="block"
          />
        )}
      </Field>
      {rows.length > 0 && (
        <>
          <p className="text-sm text-stone-600">
            Each file is imported with its own row below. The title, URL and date above describe pasted text only; the outlet above is used for a file whose row
            names none.
          </p>
          <DataTable
            caption="Files to import"
            rows={rows.map((r, i) => ({ ...r, i }))}
            rowKey={(r) => `${r.name}-${r.i}`}
            columns={[
              { header: "File", cell: (r) => r.name },
              { header: "Title", cell: (r) => <RowInput label={`Title of ${r.name}`} value={r.title} onChange={(v) => edit(r.i, "title", v)} /> },
              {
                header: "Date",
                cell: (r) => <RowInput label={`Date of ${r.name}`} type="date" value={r.publishedAt} onChange={(v) => edit(r.i, "publishedAt", v)} />,
              },
              {
                header: "Outlet",
                cell: (r) => (
                  <RowInput
                    label={`Outlet of ${r.name}`}
                    list="outlet-names"
                    placeholder="the outlet above"
                    value={r.outlet}
                    onChange={(v) => edit(r.i, "outlet", v)}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      <button type="submit" disabled={progress !== null && progress.done < progress.total} className={buttonClass}>
        Import
      </button>
      {progress && (
        <div aria-live="polite">
          <progress aria-label="Import progress" max={progress.total} value={progress.done} className="w-full" />
          <p>{progress.done === progress.total ? `Done: ${progress.total} processed.` : `Importing ${progress.done + 1} of ${progress.total}…`}</p>
        </div>
      )}
      <ul aria-label="Import results" className="space-y-1">
        {results.map((r, i) => (
          <li key={i} className={r.status === "refused" ? "text-red-700" : ""}>
            <span className="font-medium">{r.name}</span>: {r.status} ({r.detail}){" "}
            {r.articleId && (
              <Link href={`/articles/${r.articleId}`} className="text-blue-700 underline">
                Open {r.name}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
