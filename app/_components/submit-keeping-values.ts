import { startTransition } from "react";

// React resets a form once its action has run; on a refused save that would wipe what the admin
// typed. So with JS the form is submitted from onSubmit, which React does not reset; before
// hydration the plain form action still works.
export function submitKeepingValues(formAction: (input: FormData) => void) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = new FormData(e.currentTarget);
    startTransition(() => formAction(input));
  };
}
