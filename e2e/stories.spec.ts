import { test, expect } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./axe";

const SEED_OUTLETS = ["Tech Times", "Africanews", "MyJoyOnline", "TODAY", "The Moscow Times"];

test("the story grid shows the outlets side by side", async ({ asReviewer: page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stories" }).click();
  await expect(page.getByRole("heading", { name: "Stories" })).toBeVisible();
  // The largest story comes first: the seed articles about Putin, Goita and Niger.
  await page.getByRole("table").getByRole("rowheader").first().getByRole("link").click();
  const grid = page.getByRole("table", { name: /Who says what/ });
  await expect(grid).toBeVisible();
  let shown = 0;
  for (const outlet of SEED_OUTLETS) if (await grid.getByRole("columnheader", { name: outlet, exact: true }).count()) shown++;
  expect(shown).toBeGreaterThanOrEqual(4);
  await expect(grid.getByRole("rowheader").first()).toContainText(/Cluster 1/);
  await expect(grid.getByRole("link", { name: /^anchor · / }).first()).toBeVisible();
  await expect(grid.getByRole("link", { name: /^supports · / }).first()).toBeVisible();
  await expect(page.getByLabel("Story name")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("an admin names and renames a story", async ({ asAdmin: page }) => {
  await page.goto("/stories");
  await page.getByRole("table").getByRole("rowheader").first().getByRole("link").click();
  await expect(page.getByRole("table", { name: /Who says what/ })).toBeVisible();
  const name = `Putin, Goita and Niger ${Date.now()}`;
  await page.getByLabel("Story name").fill(name);
  await page.getByRole("button", { name: /^(Name|Rename) story$/ }).click();
  await expect(page.getByRole("status")).toHaveText(`Saved the name “${name}”.`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename story" })).toBeVisible();

  const renamed = `${name} (renamed)`;
  await page.getByLabel("Story name").fill(renamed);
  await page.getByRole("button", { name: "Rename story" }).click();
  await expect(page.getByRole("heading", { name: renamed })).toBeVisible();
  await page.goto("/stories");
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();
});
