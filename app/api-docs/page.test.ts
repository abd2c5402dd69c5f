import { describe, it, expect } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import ApiDocsPage from "./page";

describe("/api-docs", () => {
  it("renders every operation, grouped by tag, without scripts", () => {
    const html = renderToStaticMarkup(ApiDocsPage());
    for (const tag of ["Claims", "Exports", "Tokens", "Users"]) expect(html).toContain(`id="tag-${tag}"`);
    expect(html).toContain("/api/v1/export/claims.csv");
    expect(html).toContain("/api/v1/claims/{id}/verdict");
    expect(html).not.toContain("<script");
  });
});
