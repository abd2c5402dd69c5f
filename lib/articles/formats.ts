import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

import type { SourceFormat } from "./source-format";

export { formatOf, type SourceFormat } from "./source-format";

// Readability finds the article body the way Firefox's reader view does; paragraphs become
// blank-line separated text, which is what the cleaner and the sentence splitter expect.
export function htmlToText(html: string): { text: string; title: string | null } {
  const { document } = parseHTML(html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const root = article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body : document.body;
  const blocks = [...root.querySelectorAll("h1,h2,h3,h4,p,li,blockquote,pre,td")]
    .filter((el) => !el.querySelector("p,li,blockquote"))
    .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const text = blocks.length ? blocks.join("\n\n") : (root.textContent ?? "").replace(/[ \t]+/g, " ").trim();
  const title = article?.title?.trim() || document.querySelector("title")?.textContent?.trim() || null;
  return { text, title };
}

// Markdown syntax is not article text: drop it so offsets point at words, not at asterisks.
export function markdownToText(md: string): string {
  return md
    .replace(/^```[\s\S]*?^```/gm, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/^>\s?/gm, "")
    .replace(/^\s*[-*+]\s+/gm, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(\*|_)(.+?)\1/g, "$2")
    .replace(/`([^`]+)`/g, "$1");
}

export function toPlainText(source: string, format: SourceFormat): { text: string; title: string | null } {
  if (format === "html") return htmlToText(source);
  if (format === "markdown") return { text: markdownToText(source), title: null };
  return { text: source, title: null };
}
