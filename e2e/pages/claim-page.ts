import { expect, type Locator, type Page } from "@playwright/test";

// The claim review page, located by role and label only.
export class ClaimPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/claims/${id}`);
    await expect(this.page.getByRole("heading", { name: "Review claim" })).toBeVisible();
  }

  get articleText() { return this.page.getByRole("region", { name: "Article text" }); }
  get suggestions() { return this.page.getByRole("list", { name: "Suggestions from other outlets" }); }
  get linked() { return this.page.getByRole("list", { name: "Linked passages" }); }
  get history() { return this.page.getByRole("list", { name: "History" }); }
  get status() { return this.page.getByText(/^Verdict saved$/); }
  get rationale() { return this.page.getByLabel("Rationale"); }

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
