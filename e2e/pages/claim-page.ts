import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { makeUser, signIn } from "../fixtures";

// The claim review page, located by role and label only.
export class ClaimPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/claims/${id}`);
    await expect(this.page.getByRole("heading", { name: "Review claim" })).toBeVisible();
  }

  get articleText() {
    return this.page.getByRole("region", { name: "Article text" });
  }
  get suggestions() {
    return this.page.getByRole("list", { name: "Suggestions from other outlets" });
  }
  get linked() {
    return this.page.getByRole("list", { name: "Linked passages" });
  }
  get history() {
    return this.page.getByRole("list", { name: "History" });
  }
  get status() {
    return this.page.getByText(/^Verdict saved$/);
  }
  get rationale() {
    return this.page.getByLabel("Rationale");
  }

  suggestion(outlet: string, text: RegExp | string): Locator {
    const words = typeof text === "string" ? text : text.source;
    return this.suggestions.getByRole("article", { name: new RegExp(`^Suggestion from ${outlet}: .*${words}`) });
  }

  verdict(name: "Corroborated" | "Single-sourced" | "Contradicted") {
    return this.page.getByRole("group", { name: "Verdict" }).getByRole("radio", { name });
  }

  async linkAsSupporting(item: Locator) {
    await item.getByRole("button", { name: "Link as supporting" }).click();
  }

  async save(verdict?: "Corroborated" | "Single-sourced" | "Contradicted", rationale?: string) {
    if (verdict) await this.verdict(verdict).check();
    if (rationale) await this.rationale.fill(rationale);
    await this.page.getByRole("button", { name: "Save verdict" }).click();
  }
}

// Two reviewers, each signed in in a browser context of their own, with one claim open.
export async function twoReviewersOn(browser: Browser, id: string) {
  const users = [await makeUser("REVIEWER"), await makeUser("REVIEWER")] as const;
  const contexts = [await browser.newContext(), await browser.newContext()];
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  const claims = [new ClaimPage(pages[0]), new ClaimPage(pages[1])] as const;
  for (const [i, page] of pages.entries()) {
    await signIn(page, users[i]);
    await claims[i].goto(id);
  }
  return { users, pages: [pages[0], pages[1]] as const, claims, close: () => Promise.all(contexts.map((c) => c.close())) };
}
