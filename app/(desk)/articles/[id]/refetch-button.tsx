"use client";
import { useActionState } from "react";
import { refetchArticleAction } from "./actions";
import { secondaryButtonClass } from "../../../_components/ui";

export function RefetchButton({ articleId }: { articleId: string }) {
  const [state, formAction, pending] = useActionState(refetchArticleAction, null);
  const said = !state
    ? null
    : !state.ok
      ? state.message
      : state.data.changed
        ? `The page changed: version ${state.data.version}, ${state.data.flagged} claim(s) flagged source changed, ${state.data.added} new claim(s).`
        : "The page has not changed.";
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={articleId} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {pending ? "Fetching…" : "Re-fetch now"}
      </button>
      <span role="status" aria-live="polite" className={`ml-2 text-sm ${state && !state.ok ? "text-red-700" : ""}`}>
        {said}
      </span>
    </form>
  );
}
