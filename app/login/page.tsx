import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current";
import { LoginForm } from "./login-form";
import { sameSitePath } from "@/lib/http/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentActor()) redirect("/");
  const { callbackUrl } = await searchParams;
  const next = sameSitePath(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Sign in to Triangulate</h1>
      <LoginForm next={next} />
    </div>
  );
}
