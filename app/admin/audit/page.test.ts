import { describe, it, expect } from "vitest";
import { freshDesk } from "@/tests/desk";
import { runAs } from "@/lib/auth/current";
import AuditPage from "./page";
import TokensPage from "../tokens/page";
import SettingsPage from "../settings/page";

const { admin, reviewer } = await freshDesk();

// next.config.js turns on authInterrupts (forbidden()); outside `next` the flag is this variable.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

// redirect() and forbidden() throw Next's signals; the digest says which.
const digest = (e: unknown) => String((e as { digest?: string }).digest ?? e);

const pages = {
  "/admin/audit": () => AuditPage({ searchParams: Promise.resolve({}) }),
  "/admin/tokens": () => TokensPage(),
  "/admin/settings": () => SettingsPage(),
};

describe("admin pages", () => {
  for (const [path, render] of Object.entries(pages)) {
    it(`${path} sends a stranger to sign in, refuses a reviewer (403) and renders for an admin`, async () => {
      await expect(runAs(null, render)).rejects.toSatisfy((e) => digest(e).includes("NEXT_REDIRECT") && digest(e).includes("/login"));
      await expect(runAs(reviewer.actor, render)).rejects.toSatisfy((e) => digest(e).includes("403"));
      await expect(runAs(admin.actor, render)).resolves.toBeTruthy();
    });
  }
});
