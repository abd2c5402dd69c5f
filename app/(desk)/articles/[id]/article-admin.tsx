"use client";
import { useActionState, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { deleteArticleAction, updateArticleAction } from "./actions";
import { inputClass, buttonClass, secondaryButtonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";

type Article = { id: string; title: string | null; url: string | null; publishedAt: string | null; outlet: string; reviewed: number };

// Admins correct the metadata the import found, or remove an article imported by mistake.
export function ArticleAdmin({ article, outlets }: { article: Article; outlets: string[] }) {
  const router = useRouter();
  const [saved, saveAction, saving] = useActionState(updateArticleAction, null);
  // Called directly rather than through useActionState: the action's revalidation re-renders this
  // (now missing) article as "not found", which unmounts the form before an effect could navigate.
  const [deleted, setDeleted] = useState<Awaited<ReturnType<typeof deleteArticleAction>>>(null);
  const [deleting, startDelete] = useTransition();
  const deleteAction = (form: FormData) =>
    startDelete(async () => {
      const res = await deleteArticleAction(null, form);
      if (res?.ok) router.push("/articles");
      else setDeleted(res);
    });
  const errors = saved && !saved.ok ? (saved.fieldErrors ?? {}) : {};
  return (
    <details className="mb-4 max-w-3xl rounded border border-stone-300 p-3">
      <summary className="cursor-pointer font-medium">Edit or delete this article</summary>
      <form action={saveAction} className="mt-3 grid gap-2 sm:grid-cols-2">
        <input type="hidden" name="id" value={article.id} />
        <Field label="Title" errors={errors.title}>
          {(f) => <input {...f} name="title" defaultValue={article.title ?? ""} className={inputClass} />}
        </Field>
        <Field label="Outlet" errors={errors.outlet}>
          {(f) => (
            <>
              <input {...f} name="outlet" list="edit-outlets" defaultValue={article.outlet} className={inputClass} />
              <datalist id="edit-outlets">
                {outlets.map((o) => (
                  <option key={o} value={o} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="URL" errors={errors.url}>
          {(f) => <input {...f} name="url" type="url" defaultValue={article.url ?? ""} className={inputClass} />}
        </Field>
        <Field label="Publication date" errors={errors.publishedAt}>
          {(f) => <input {...f} name="publishedAt" type="date" defaultValue={article.publishedAt ?? ""} className={inputClass} />}
        </Field>
        <div className="sm:col-span-2">
          <button type="submit" disabled={saving} className={buttonClass}>
            Save article
          </button>
          <span aria-live="polite" className={`ml-2 text-sm ${saved && !saved.ok ? "text-red-700" : ""}`}>
            {saved
              ? saved.ok
                ? saved.data.changed.length
                  ? `Saved: ${saved.data.changed.join(", ")}${saved.data.rematch ? "; matching again" : ""}.`
                  : "Nothing changed."
                : saved.message
              : ""}
          </span>
        </div>
      </form>
      <form action={deleteAction} className="mt-4 flex flex-wrap items-center gap-2 border-t border-stone-200 pt-3">
        <input type="hidden" name="id" value={article.id} />
        {article.reviewed > 0 && (
          <>
            <input type="hidden" name="force" value="true" />
            <Field
              label={`${article.reviewed} of its claims have verdicts. Reason for deleting`}
              layout="inline"
              className="contents"
              labelClassName="text-sm"
              noErrors
            >
              {(f) => <input {...f} name="reason" required className={`${inputClass} max-w-sm`} />}
            </Field>
          </>
        )}
        <button type="submit" disabled={deleting} className={secondaryButtonClass}>
          Delete article
        </button>
        <span aria-live="polite" className="text-sm text-red-700">
          {deleted && !deleted.ok ? deleted.message : ""}
        </span>
      </form>
    </details>
  );
}
