"use client";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { nameStoryAction } from "../actions";
import { buttonClass, inputClass } from "../../../_components/ui";
import { Field } from "../../../_components/field";

// Naming gives an unnamed story a Story row, and so a new address: follow it once saved.
export function NameStoryForm({ storyKey, name, named }: { storyKey: string; name: string; named: boolean }) {
  const [state, formAction, pending] = useActionState(nameStoryAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && state.data.id !== storyKey) router.replace(`/stories/${state.data.id}`);
  }, [state, storyKey, router]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="mb-6 flex flex-wrap items-end gap-2 rounded border border-stone-200 bg-white p-3" noValidate>
      <input type="hidden" name="key" value={storyKey} />
      <Field label="Story name" errors={errors.name}>
        {(f) => <input {...f} name="name" required maxLength={200} defaultValue={named ? name : ""} placeholder={name} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} mb-5`}>
        {named ? "Rename story" : "Name story"}
      </button>
      <div aria-live="polite" className="w-full text-sm">
        {state && !state.ok && !state.fieldErrors && <p className="text-red-700">{state.message}</p>}
        {state?.ok && <p role="status">Saved the name “{state.data.name}”.</p>}
      </div>
    </form>
  );
}
