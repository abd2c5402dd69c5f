// Which reader a file needs, by its name. Kept apart from formats.ts (Readability and a DOM) so the
// import form in the browser can use it too.
export type SourceFormat = "text" | "html" | "markdown";

export function formatOf(filename: string): SourceFormat {
  const ext = filename.toLowerCase().split(".").pop();
  return ext === "html" || ext === "htm" ? "html" : ext === "md" || ext === "markdown" ? "markdown" : "text";
}
