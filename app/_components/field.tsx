import { useId } from "react";

export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

// One labelled form field: the label, an optional hint, the control (rendered by the caller with
// the props it is given: id, aria-describedby, aria-invalid), and its errors in an aria-live
// region. Every form builds its fields from this, so none is wired by hand.
export function Field({ label, hint, errors, noErrors, className, children }: {
  label: React.ReactNode;
  hint?: React.ReactNode;
  errors?: string[];
  /** A filter or search field the server never refuses: no error region. */
  noErrors?: boolean;
  className?: string;
  children: (control: ControlProps) => React.ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = !!errors?.length;
  const describedBy = [hint && hintId, !noErrors && errorId].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint && <p id={hintId} className="text-sm text-stone-600">{hint}</p>}
      {children({ id, ...(describedBy ? { "aria-describedby": describedBy } : {}), ...(invalid ? { "aria-invalid": true as const } : {}) })}
      {!noErrors && <p id={errorId} aria-live="polite" className="min-h-5 text-sm text-red-700">{errors?.join(" ")}</p>}
    </div>
  );
}
