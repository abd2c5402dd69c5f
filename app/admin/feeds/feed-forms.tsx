"use client";
import { useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { FeedJson } from "@/lib/feeds/data";
import { DEFAULT_INTERVAL, MAX_INTERVAL, MIN_INTERVAL } from "@/lib/feeds/schema";
import { createFeedAction, deleteFeedAction, pollFeedNowAction, updateFeedAction } from "./actions";
import { inputClass, secondaryButtonClass } from "../../_components/ui";
import { StatusText, SubmitWithStatus } from "../../_components/action-status";
import { Field } from "../../_components/field";
import { submitKeepingValues } from "../../_components/submit-keeping-values";

export function CreateFeedForm({ outlets }: { outlets: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(createFeedAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  if (!outlets.length) return <p className="text-sm text-stone-600">Create an outlet first: every feed belongs to one.</p>;
  return (
    <form ref={formRef} action={formAction} onSubmit={submitKeepingValues(formAction)} className="space-y-2" noValidate>
      <Field label="Outlet" errors={errors.outletId}>
        {(c) => (
          <select {...c} name="outletId" required defaultValue="" className={inputClass}>
            <option value="" disabled>
              Choose an outlet
            </option>
            {outlets.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Feed address" hint="An RSS or Atom feed. New items are imported by their address." errors={errors.url}>
        {(c) => <input {...c} name="url" type="url" required maxLength={2000} placeholder="https://example.com/feed.xml" className={inputClass} />}
      </Field>
      <Field label="Minutes between polls" errors={errors.intervalMinutes}>
        {(c) => (
          <input
            {...c}
            name="intervalMinutes"
            type="number"
            inputMode="numeric"
            min={MIN_INTERVAL}
            max={MAX_INTERVAL}
            defaultValue={DEFAULT_INTERVAL}
            className={inputClass}
          />
        )}
      </Field>
      <SubmitWithStatus label="Add feed" pending={pending} state={state}>
        {(d) => <StatusText>Added the feed for {d.outlet}. Its first poll comes within a minute.</StatusText>}
      </SubmitWithStatus>
    </form>
  );
}

// After "Poll now" the page reloads its data every few seconds for a while, so the result shows
// without the admin reloading.
function useRefreshAfter(ok: boolean | undefined, token: unknown) {
  const router = useRouter();
  useEffect(() => {
    if (!ok) return;
    let n = 0;
    const t = setInterval(() => {
      router.refresh();
      if (++n >= 20) clearInterval(t);
    }, 3000);
    return () => clearInterval(t);
  }, [ok, token, router]);
}

export function FeedActions({ feed }: { feed: Pick<FeedJson, "id" | "url" | "paused"> }) {
  const [pauseState, pauseAction, pausing] = useActionState(updateFeedAction, null);
  const [pollState, pollAction, polling] = useActionState(pollFeedNowAction, null);
  const [deleteState, deleteAction, deleting] = useActionState(deleteFeedAction, null);
  useRefreshAfter(pollState?.ok, pollState);
  const failed = [pauseState, pollState, deleteState].find((s) => s && !s.ok);
  const label = (verb: string) => `${verb} ${feed.url}`;
  return (
    <div className="flex flex-wrap gap-2">
      <form action={pauseAction}>
        <input type="hidden" name="id" value={feed.id} />
        <input type="hidden" name="paused" value={feed.paused ? "false" : "true"} />
        <button type="submit" disabled={pausing} aria-label={label(feed.paused ? "Resume" : "Pause")} className={secondaryButtonClass}>
          {feed.paused ? "Resume" : "Pause"}
        </button>
      </form>
      <form action={pollAction}>
        <input type="hidden" name="id" value={feed.id} />
        <button type="submit" disabled={polling} aria-label={label("Poll now")} className={secondaryButtonClass}>
          Poll now
        </button>
      </form>
      <form
        action={deleteAction}
        onSubmit={(e) => {
          if (!window.confirm(`Stop monitoring ${feed.url}? Articles it imported stay.`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={feed.id} />
        <button type="submit" disabled={deleting} aria-label={label("Remove")} className={secondaryButtonClass}>
          Remove
        </button>
      </form>
      <div aria-live="polite" className="basis-full">
        {failed && !failed.ok && <p className="text-sm text-red-700">{failed.message}</p>}
        {pollState?.ok && <StatusText>Poll queued.</StatusText>}
      </div>
    </div>
  );
}
