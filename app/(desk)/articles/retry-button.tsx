"use client";
import { useActionState } from "react";
import { retryMatchingAction } from "./actions";
import { secondaryButtonClass } from "../../_components/ui";

export function RetryMatchingButton({ articleId }: { articleId: string }) {
  const [state, formAction, pending] = useActionState(retryMatchingAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={articleId} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        Retry matching
      </button>
      <span aria-live="polite" className="ml-2 text-sm">
        {state?.ok ? "Queued." : state?.message}
      </span>
    </form>
  );
}
