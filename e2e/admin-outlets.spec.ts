import crypto from "node:crypto";
import { test, expect } from "./fixtures";

test("an admin creates an outlet with an origin group, edits it and sees the change", async ({ asAdmin: page }) => {
  const name = `Harbour Gazette ${crypto.randomBytes(3).toString("hex")}`;
  await page.goto("/admin/outlets");
  const create = page.getByRole("region", { name: "Create an outlet" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Domain").fill("https://www.Harbour-Gazette.example/news/today");
  await create.getByLabel("Origin group").fill("Harbour wire");
  await create.getByRole("button", { name: "Create outlet" }).click();
  await expect(create.getByRole("status")).toHaveText(`Created ${name}.`);
  await expect(create.getByLabel("Name")).toHaveValue("");

  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
  await expect(row).toContainText("www.harbour-gazette.example");
  await expect(row).toContainText("Harbour wire");

  await page.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${name}` });
  await expect(edit.getByLabel("Origin group")).toHaveValue("Harbour wire");
  await edit.getByLabel("Domain").fill("not a domain");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("Enter a hostname like reuters.com")).toBeVisible();
  await expect(edit.getByLabel("Origin group")).toHaveValue("Harbour wire");

  await edit.getByLabel("Domain").fill("harbour-gazette.example");
  await edit.getByLabel("Origin group").fill("Coastal Media group");
  await edit.getByLabel("Notes").fill("Reprints Harbour wire copy.");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText("Coastal Media group");
  await expect(row).not.toContainText("www.");

  await page.reload();
  await expect(row).toContainText("Coastal Media group");
  await page.getByRole("button", { name: `Edit ${name}` }).click();
  await expect(page.getByRole("form", { name: `Edit ${name}` }).getByLabel("Notes")).toHaveValue("Reprints Harbour wire copy.");
});

test("a reviewer is refused at /admin/outlets with a 403 page", async ({ asReviewer: page }) => {
  const res = await page.goto("/admin/outlets");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create outlet" })).toHaveCount(0);
});
