"use client";
import { useActionState } from "react";
import { assignClaimAction } from "./actions";
import { secondaryButtonClass } from "../../_components/ui";
import { SelectField } from "../../_components/field";

type Person = { id: string; name: string };

// One claim's assignment controls: "Assign to me" for everyone, a picker for admins.
export function AssignControls({ claimId, assigneeId, actorId, people }: { claimId: string; assigneeId: string | null; actorId: string; people?: Person[] }) {
  const [state, formAction, pending] = useActionState(assignClaimAction, null);
  return (
    <div className="flex flex-col gap-1">
      {assigneeId !== actorId && (
        <form action={formAction}>
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="assigneeId" value="me" />
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            Assign to me
          </button>
        </form>
      )}
      {people && (
        <form action={formAction} className="flex items-center gap-1">
          <input type="hidden" name="claimId" value={claimId} />
          <SelectField
            label="Assign to"
            hideLabel
            name="assigneeId"
            value={assigneeId ?? undefined}
            any="Unassigned"
            options={people.map((p) => ({ value: p.id, label: p.name }))}
            className="max-w-32 rounded border border-stone-300 bg-white px-1 py-1 text-sm"
          />
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            Assign
          </button>
        </form>
      )}
      <div aria-live="polite" className="text-xs">
        {state && !state.ok && <p className="text-red-700">{state.message}</p>}
        {state?.ok && <p role="status">{state.data.assignee ? `Assigned to ${state.data.assignee.name}.` : "Unassigned."}</p>}
      </div>
    </div>
  );
}
