import { describe, it, expect } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { parseHTML } from "linkedom";
import { Field, type ControlProps } from "./field";

const input = (f: ControlProps) => h("input", { ...f, name: "x" });
const render = (props: Omit<Parameters<typeof Field>[0], "children">) => {
  const html = renderToStaticMarkup(h(Field, { ...props, children: input }));
  const { document: doc } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { control: doc.querySelector("input")!, label: doc.querySelector("label")!, html, byId: (id: string) => doc.getElementById(id) };
};

describe("Field", () => {
  it("labels its control and ties the hint and the errors to it, marking it invalid only with errors", () => {
    const bad = render({ label: "Email", hint: "Work address", errors: ["Enter an email.", "Too long."] });
    expect(bad.label.getAttribute("for")).toBe(bad.control.id);
    expect(bad.control.getAttribute("aria-invalid")).toBe("true");
    const [hint, error] = bad.control.getAttribute("aria-describedby")!.split(" ").map(bad.byId);
    expect(hint?.textContent).toBe("Work address");
    expect(error?.textContent).toBe("Enter an email. Too long.");
    expect(error?.getAttribute("aria-live")).toBe("polite");

    const good = render({ label: "Email" });
    expect(good.control.hasAttribute("aria-invalid")).toBe(false);
    expect(good.byId(good.control.getAttribute("aria-describedby")!)?.textContent).toBe("");
  });

  it("a filter has no error region; a compact tool control keeps its label for screen readers only", () => {
    const filter = render({ label: "Outlet", noErrors: true });
    expect(filter.control.hasAttribute("aria-describedby")).toBe(false);
    expect(filter.html).not.toContain("aria-live");
    const tool = render({ label: "Assign to", hideLabel: true, noErrors: true });
    expect(tool.label.getAttribute("class")).toBe("sr-only");
    expect(tool.label.getAttribute("for")).toBe(tool.control.id);
  });

  it("puts a checkbox before its label", () => {
    const { html } = render({ label: "Whole sentences", layout: "check", noErrors: true });
    expect(html.indexOf("<input")).toBeLessThan(html.indexOf("<label"));
  });
});
