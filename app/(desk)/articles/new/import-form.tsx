"use client";
import { useState } from "react";
import Link from "next/link";
import { importArticleAction } from "./actions";
import { formatOf } from "@/lib/articles/source-format";
import { inputClass, buttonClass, FieldError } from "../../../_components/ui";

type Result = { name: string; status: "new" | "duplicate" | "refused"; detail: string; articleId?: string };

export function ImportForm({ outlets }: { outlets: string[] }) {
  const [results, setResults] = useState<Result[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const files = (form.getAll("files") as File[]).filter((f) => f.size > 0);
    const pasted = String(form.get("text") ?? "");
    const base = { outlet: String(form.get("outlet") ?? ""), title: String(form.get("title") ?? ""), url: String(form.get("url") ?? ""), publishedAt: String(form.get("publishedAt") ?? "") };
    const jobs = files.length ? files.map((f) => ({ name: f.name, read: () => f.text(), format: formatOf(f.name) })) : [{ name: "Pasted text", read: async () => pasted, format: "text" }];
    setResults([]);
    setErrors({});
    setProgress({ done: 0, total: jobs.length });
    for (const [i, job] of jobs.entries()) {
      // Title and URL describe one article, so they only apply to a single import.
      const meta = jobs.length === 1 ? base : { ...base, title: "", url: "" };
      const res = await importArticleAction(null, { ...meta, text: await job.read(), format: job.format });
      const result: Result = !res
        ? { name: job.name, status: "refused", detail: "No answer from the server." }
        : res.ok
          ? { name: job.name, status: res.data.duplicate ? "duplicate" : "new", detail: res.data.duplicate ? "already imported" : `${res.data.claims} claims`, articleId: res.data.articleId }
          : { name: job.name, status: "refused", detail: res.fieldErrors ? Object.entries(res.fieldErrors).map(([k, v]) => `${k}: ${v.join(" ")}`).join("; ") : res.message };
      if (res && !res.ok && res.fieldErrors && jobs.length === 1) setErrors(res.fieldErrors);
      setResults((r) => [...r, result]);
      setProgress({ done: i + 1, total: jobs.length });
    }
  }

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-3" noValidate>
      <label htmlFor="outlet" className="block font-medium">Outlet</label>
      <input id="outlet" name="outlet" list="outlet-names" required aria-describedby="outlet-error" className={inputClass} placeholder="Pick an outlet or type a new one" />
      <datalist id="outlet-names">{outlets.map((o) => <option key={o} value={o} />)}</datalist>
      <FieldError id="outlet-error" errors={errors.outlet} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div><label htmlFor="title" className="block font-medium">Title (optional)</label><input id="title" name="title" className={inputClass} /></div>
        <div><label htmlFor="url" className="block font-medium">URL (optional)</label><input id="url" name="url" type="url" aria-describedby="url-error" className={inputClass} /><FieldError id="url-error" errors={errors.url} /></div>
        <div><label htmlFor="publishedAt" className="block font-medium">Publication date (optional)</label><input id="publishedAt" name="publishedAt" type="date" className={inputClass} /></div>
      </div>
      <label htmlFor="text" className="block font-medium">Article text</label>
      <textarea id="text" name="text" rows={8} aria-describedby="text-error" className={inputClass} />
      <FieldError id="text-error" errors={errors.text} />
      <label htmlFor="files" className="block font-medium">Or upload files (.txt, .md, .html)</label>
      <input id="files" name="files" type="file" multiple accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" className="block" />
      <button type="submit" disabled={progress !== null && progress.done < progress.total} className={buttonClass}>Import</button>
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
            {r.articleId && <Link href={`/articles/${r.articleId}`} className="text-blue-700 underline">Open {r.name}</Link>}
          </li>
        ))}
      </ul>
    </form>
  );
}
