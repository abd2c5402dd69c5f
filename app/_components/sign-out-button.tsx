"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        // Without NEXTAUTH_URL next-auth would redirect to its default host; go to our page instead.
        await signOut({ redirect: false });
        window.location.assign("/login");
      }}
      className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100"
    >
      Sign out
    </button>
  );
}
