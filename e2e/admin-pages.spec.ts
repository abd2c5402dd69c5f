import { test, expect } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./axe";

// The admin and reference pages no other flow visits with axe: their labelled filters (Field),
// their tables (DataTable) and no serious accessibility violation.
test("the audit log filters by labelled fields into a named table", async ({ asAdmin: page }) => {
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await expectNoSeriousA11yViolations(page);

  await page.goto("/admin/audit");
  for (const name of ["Actor", "Action", "From", "To"]) await expect(page.getByLabel(name, { exact: true })).toBeVisible();
  await page.getByLabel("Action", { exact: true }).selectOption("settings.update");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=settings\.update/);
  const entries = page.getByRole("table", { name: "Audit entries, newest first" });
  await expect(entries.getByRole("row").nth(1)).toContainText("settings.update");
  await expectNoSeriousA11yViolations(page);
});

test("the API reference shows each operation's parameters as a table", async ({ page }) => {
  await page.goto("/api-docs");
  await expect(page.getByRole("table", { name: "Parameters" }).first().getByRole("columnheader", { name: "Required" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
