"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { inputClass, buttonClass } from "../_components/ui";
import { sameSitePath } from "@/lib/http/redirect";
import { Field } from "../_components/field";

const MESSAGES: Record<string, string> = {
  RateLimited: "Too many failed attempts. Wait 15 minutes before trying again.",
  CredentialsSignin: "Email or password is incorrect.",
};

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError("");
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (res?.ok && !res.error) {
      // Checked again here: whatever reaches window.location must be a path on this site.
      window.location.assign(sameSitePath(next));
      return;
    }
    setPending(false);
    setError(MESSAGES[res?.error ?? ""] ?? MESSAGES.CredentialsSignin);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Email">{(f) => <input {...f} name="email" type="email" autoComplete="username" required className={inputClass} />}</Field>
      <Field label="Password">{(f) => <input {...f} name="password" type="password" autoComplete="current-password" required className={inputClass} />}</Field>
      <p role="alert" aria-live="assertive" className="min-h-6 text-red-700">
        {error}
      </p>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
