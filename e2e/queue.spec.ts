import { test, expect } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./axe";

test("a reviewer sees the queue, filters by outlet and searches", async ({ asReviewer: page }) => {
  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  const counts = page.getByRole("navigation", { name: "Claims by status" });
  await expect(counts.getByRole("link", { name: /^Unreviewed \d+$/ })).toHaveAttribute("aria-current", "page");
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Check-worthiness" })).toBeVisible();
  expect(await table.getByRole("row").count()).toBeGreaterThan(1);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Outlet").selectOption({ label: "TODAY" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outlet=[0-9a-f-]{36}/);
  await expect(table.getByRole("cell", { name: "TODAY", exact: true }).first()).toBeVisible();
  await expect(table.getByRole("cell", { name: "Tech Times", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Outlet")).toHaveValue(/[0-9a-f-]{36}/);

  await page.getByLabel("Outlet").selectOption({ label: "Any outlet" });
  await page.getByLabel("Search claims").fill("Kremlin");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=Kremlin/);
  const claimLinks = table.getByRole("link", { name: /kremlin/i });
  await expect(claimLinks.first()).toBeVisible();
  const rows = table.getByRole("row");
  const n = await rows.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 1; i < n; i++) await expect(rows.nth(i).getByRole("cell").first()).toContainText(/kremlin/i);

  await page.goto("/queue?outlet=not-an-id");
  await expect(page.getByRole("alert").filter({ hasText: "Ignored an invalid filter: outlet" })).toBeVisible();
});

test("a reviewer assigns a claim to themselves", async ({ asReviewer: page, reviewer }) => {
  await page.goto("/queue");
  const table = page.getByRole("table");
  const first = table.getByRole("row").nth(1);
  const claimText = await first.getByRole("link").first().innerText();
  await first.getByRole("button", { name: "Assign to me" }).click();
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: claimText, exact: true }) });
  await expect(row.getByRole("status")).toHaveText(`Assigned to ${reviewer.name}.`);
  await expect(row.getByRole("cell", { name: reviewer.name, exact: true })).toBeVisible();

  await page.getByLabel("Assignee").selectOption({ label: "Me" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(table.getByRole("link", { name: claimText, exact: true })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
});
