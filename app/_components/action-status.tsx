import { buttonClass } from "./ui";

// The shape of a server action's result as forms see it (lib/http/action.ts ActionState).
type State<T> = { ok: true; data: T } | { ok: false; message: string } | null;

// A one-line success message, announced as a status.
export function StatusText({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="text-sm">
      {children}
    </p>
  );
}

// What an action said: its error message, or on success whatever `children` makes of the data.
// The region is always present so screen readers announce the change.
export function ActionStatus<T>({ state, className, children }: { state: State<T>; className?: string; children?: (data: T) => React.ReactNode }) {
  return (
    <div aria-live="polite" className={className}>
      {state && !state.ok && <p className="text-sm text-red-700">{state.message}</p>}
      {state?.ok && children?.(state.data)}
    </div>
  );
}

// The end of every admin form: its submit button, then what the action said.
export function SubmitWithStatus<T>({
  label,
  pending,
  state,
  children,
}: {
  label: string;
  pending: boolean;
  state: State<T>;
  children?: (data: T) => React.ReactNode;
}) {
  return (
    <>
      <button type="submit" disabled={pending} className={buttonClass}>
        {label}
      </button>
      <ActionStatus state={state}>{children}</ActionStatus>
    </>
  );
}
