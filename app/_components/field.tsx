import { useId } from "react";

export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

const LAYOUT = {
  // Label above the control: the forms of the admin and desk pages.
  stack: { box: undefined, label: "block font-medium" },
  // Label then control on one line (a picker in a toolbar).
  inline: { box: "flex items-center gap-1", label: undefined },
  // Control then its label: a checkbox or a radio button.
  check: { box: "flex items-center gap-2", label: undefined },
} as const;

// One labelled form field: the label, an optional hint, the control (rendered by the caller with
// the props it is given: id, aria-describedby, aria-invalid), and its errors in an aria-live
// region. Every form builds its fields from this, so none is wired by hand.
// `hideLabel` is for the compact inline tool controls (claim tools, assign, a row's inputs): the
// label is read by screen readers only and the field adds no box of its own, so the control sits in
// its toolbar as if bare.
export function Field({
  label,
  hint,
  errors,
  noErrors,
  hideLabel,
  layout = "stack",
  className,
  labelClassName,
  children,
}: {
  label: React.ReactNode;
  hint?: React.ReactNode;
  errors?: string[];
  /** A filter, search or tool control the server never refuses field by field: no error region. */
  noErrors?: boolean;
  hideLabel?: boolean;
  layout?: keyof typeof LAYOUT;
  /** The field's box; replaces the layout's own classes. */
  className?: string;
  labelClassName?: string;
  children: (control: ControlProps) => React.ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = !!errors?.length;
  const describedBy = [hint && hintId, !noErrors && errorId].filter(Boolean).join(" ");
  const control = children({ id, ...(describedBy ? { "aria-describedby": describedBy } : {}), ...(invalid ? { "aria-invalid": true as const } : {}) });
  const labelTag = (
    <label htmlFor={id} className={hideLabel ? "sr-only" : (labelClassName ?? LAYOUT[layout].label)}>
      {label}
    </label>
  );
  return (
    <div className={className ?? (hideLabel ? "contents" : LAYOUT[layout].box)}>
      {layout === "check" ? (
        <>
          {control}
          {labelTag}
        </>
      ) : (
        labelTag
      )}
      {hint && (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {layout !== "check" && control}
      {!noErrors && (
        <p id={errorId} aria-live="polite" className="min-h-5 text-sm text-red-700">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}

// A filter's drop-down: "any" first (the empty value), then the options.
export function SelectField({
  label,
  name,
  value,
  any,
  options,
  className,
  hideLabel,
}: {
  label: React.ReactNode;
  name: string;
  value: string | undefined;
  /** The label of the empty choice ("Any outlet"); none when the filter always has a value. */
  any?: string;
  options: { value: string; label: React.ReactNode }[];
  className: string;
  hideLabel?: boolean;
}) {
  return (
    <Field label={label} hideLabel={hideLabel} noErrors>
      {(f) => (
        <select {...f} name={name} defaultValue={value ?? ""} className={className}>
          {any !== undefined && <option value="">{any}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
