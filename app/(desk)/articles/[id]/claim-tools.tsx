"use client";
import { useActionState } from "react";
import Link from "next/link";
import { deleteClaimAction, mergeClaimAction, restoreAction, setAsideAction, splitClaimAction } from "./actions";
import type { TextClaim } from "./article-text";
import { styleOf } from "./status-style";
import { SET_ASIDE_LABEL, SET_ASIDE_REASONS } from "@/lib/claims/schema";
import { secondaryButtonClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";

export type ToolClaim = TextClaim & {
  context: string | null;
  setAsideNote: string | null;
  mergedIntoId: string | null;
  splitPoints: { at: number; before: string }[];
};
type State = { ok: boolean; message?: string } | null;
type FormAction = (prev: never, form: FormData) => Promise<State>;

const select = "rounded border border-stone-300 px-2 py-1 text-sm";

// One small form per change, each with its own answer in an aria-live region.
function Tool({ act, claim, articleId, children, label }: { act: FormAction; claim: ToolClaim; articleId: string; children?: React.ReactNode; label: string }) {
  const [state, formAction, pending] = useActionState(act as (s: State, f: FormData) => Promise<State>, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="id" value={claim.id} />
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="version" value={claim.version} />
      {children}
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {label}
      </button>
      <span aria-live="polite" className={`text-sm ${state && !state.ok ? "text-red-700" : ""}`}>
        {state && !state.ok ? state.message : ""}
      </span>
    </form>
  );
}

export function ClaimTools({ articleId, claims, isAdmin }: { articleId: string; claims: ToolClaim[]; isAdmin: boolean }) {
  return (
    <ol aria-label="Claims of this article" className="max-w-3xl space-y-3">
      {claims.map((c, i) => {
        const style = styleOf(c);
        const others = claims.filter((o) => o.id !== c.id && !o.setAside);
        return (
          <li key={`${c.id}-${c.version}`} aria-label={`Claim ${i + 1}`} className="rounded border border-stone-200 p-3">
            <p>
              <span className={`mr-2 rounded px-1 text-xs ${style.className}`}>
                {style.label}
                {c.setAside ? `: ${SET_ASIDE_LABEL[c.setAside.toLowerCase() as "opinion"]}` : ""}
              </span>
              <Link href={`/claims/${c.id}`} className="text-blue-700 underline">
                {c.text}
              </Link>
            </p>
            {c.context && <p className="mt-1 text-sm text-stone-600">Context: {c.context}</p>}
            {c.setAsideNote && <p className="mt-1 text-sm text-stone-600">Note: {c.setAsideNote}</p>}
            <div className="mt-2 flex flex-wrap gap-3">
              {c.setAside ? (
                <Tool act={restoreAction as FormAction} claim={c} articleId={articleId} label="Restore to queue" />
              ) : (
                <Tool act={setAsideAction as FormAction} claim={c} articleId={articleId} label="Set aside">
                  <Field label="Why is it not checkable?" hideLabel noErrors>
                    {(f) => (
                      <select {...f} name="reason" className={select}>
                        {SET_ASIDE_REASONS.map((r) => (
                          <option key={r} value={r}>
                            {SET_ASIDE_LABEL[r]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </Tool>
              )}
              {c.splitPoints.length > 0 && (
                <Tool act={splitClaimAction as FormAction} claim={c} articleId={articleId} label="Split">
                  <Field label="Split after" hideLabel noErrors>
                    {(f) => (
                      <select {...f} name="at" className={`${select} max-w-48`}>
                        {c.splitPoints.map((p) => (
                          <option key={p.at} value={p.at}>
                            after “…{p.before.slice(-30)}”
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </Tool>
              )}
              {!c.setAside && others.length > 0 && <MergeTool key={others.map((o) => o.version).join()} claim={c} others={others} articleId={articleId} />}
              {isAdmin && (
                <Tool act={deleteClaimAction as FormAction} claim={c} articleId={articleId} label="Delete claim">
                  {c.status !== "UNREVIEWED" && (
                    <>
                      <input type="hidden" name="force" value="true" />
                      <Field label="Reason for deleting a reviewed claim" hideLabel noErrors>
                        {(f) => <input {...f} name="reason" placeholder="reason (it has a verdict)" className={select} />}
                      </Field>
                    </>
                  )}
                </Tool>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

// The claim chosen to keep names its own version, so a merge is refused if either claim changed.
function MergeTool({ claim, others, articleId }: { claim: ToolClaim; others: ToolClaim[]; articleId: string }) {
  return (
    <Tool act={mergeClaimAction as FormAction} claim={claim} articleId={articleId} label="Merge">
      <Field label="Duplicate of" hideLabel noErrors>
        {(f) => (
          <select
            {...f}
            name="into"
            className={`${select} max-w-48`}
            defaultValue={others[0].id}
            onChange={(e) =>
              ((e.currentTarget.form!.elements.namedItem("intoVersion") as HTMLInputElement).value = String(
                others.find((o) => o.id === e.target.value)!.version,
              ))
            }
          >
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                into “{o.text.slice(0, 50)}”
              </option>
            ))}
          </select>
        )}
      </Field>
      <input type="hidden" name="intoVersion" defaultValue={others[0].version} />
    </Tool>
  );
}
