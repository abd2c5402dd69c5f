// `npm run import -- [--outlet NAME] [--title T] [--url U] [--published DATE] [--json] FILE...`
// `npm run import -- --url-only [--outlet NAME] [--json] URL...`: the server fetches each page
// safely (lib/fetch) and keeps it as a snapshot (docs/decisions/022).
// Bulk import through the same mutation as the UI and the API. Without --outlet (or --published),
// an outlets.json beside the files (as in prisma/seed/articles) gives each file's outlet (and date).
import fs from "node:fs";
import path from "node:path";
import { ZodError } from "zod";
import { connectDatabase } from "../db/connect";
import { createPrisma } from "../db/client";
import { importArticle } from "../articles/mutations";
import { importArticleSchema, importByUrlSchema } from "../articles/schema";
import { importArticleFromUrl } from "../articles/import-url";
import { formatOf, toPlainText } from "../articles/formats";
import { enqueueMatch, stopBoss } from "../jobs/queue";
import { cliArgs } from "./args";
import { envOrExit } from "../env";

envOrExit();

const usage =
  "npm run import -- [--outlet NAME] [--title T] [--url U] [--published YYYY-MM-DD] [--json] FILE...\n       npm run import -- --url-only [--outlet NAME] [--json] URL...";
const { values, positionals: files } = cliArgs(
  {
    outlet: { type: "string" },
    title: { type: "string" },
    url: { type: "string" },
    published: { type: "string" },
    json: { type: "boolean" },
    "url-only": { type: "boolean" },
  },
  usage,
);
if (!files.length) {
  console.error(`usage: ${usage}`);
  process.exit(2);
}

function sidecar(file: string): { outlet?: string; publishedAt?: string } {
  const map = path.join(path.dirname(file), "outlets.json");
  if (!fs.existsSync(map)) return {};
  const entries = JSON.parse(fs.readFileSync(map, "utf8")) as { file: string; outlet: string; publishedAt?: string }[];
  return entries.find((e) => e.file === path.basename(file)) ?? {};
}

function progress(done: number, total: number, name: string) {
  if (values.json || !process.stderr.isTTY) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${name.slice(0, 40).padEnd(40)}`);
  if (done === total) process.stderr.write("\n");
}

type Item = { file: string; status: "new" | "duplicate" | "refused"; articleId?: string; claims?: number; reason?: string };
const { url, embedded } = await connectDatabase();
const db = createPrisma(url);
const items: Item[] = [];
try {
  for (const [i, file] of files.entries()) {
    progress(i, files.length, path.basename(file));
    try {
      if (values["url-only"]) {
        const input = importByUrlSchema.parse({
          url: file,
          outlet: values.outlet,
          publishedAt: values.published,
          title: files.length === 1 ? values.title : undefined,
        });
        const res = await importArticleFromUrl(db, { ...input, actorId: null, enqueue: (id) => enqueueMatch(id, url) });
        const claims = await db.claim.count({ where: { articleId: res.articleId } });
        items.push({ file, status: res.created ? "new" : "duplicate", articleId: res.articleId, claims });
        continue;
      }
      const raw = fs.readFileSync(file, "utf8");
      const plain = toPlainText(raw, formatOf(file));
      const single = files.length === 1;
      const input = importArticleSchema.parse({
        outlet: values.outlet ?? sidecar(file).outlet,
        text: plain.text,
        publishedAt: values.published ?? sidecar(file).publishedAt,
        title: single ? values.title : undefined,
        url: single ? values.url : undefined,
      });
      const res = await importArticle(db, null, input, { enqueue: (id) => enqueueMatch(id, url), rawText: raw });
      const claims = await db.claim.count({ where: { articleId: res.articleId } });
      items.push({ file, status: res.duplicate ? "duplicate" : "new", articleId: res.articleId, claims });
    } catch (e) {
      const why = (e as { extra?: { reason?: string } }).extra?.reason;
      const reason =
        e instanceof ZodError
          ? e.issues.map((x) => `${x.path.join(".") || "input"}: ${x.message}`).join("; ")
          : `${(e as Error).message}${why ? ` [${why}]` : ""}`;
      items.push({ file, status: "refused", reason });
    }
  }
  progress(files.length, files.length, "done");
  const count = (s: Item["status"]) => items.filter((x) => x.status === s).length;
  const summary = { imported: count("new"), duplicates: count("duplicate"), refused: count("refused"), items };
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else {
    for (const it of items)
      console.log(`${it.status.padEnd(9)} ${it.file}${it.claims !== undefined ? ` (${it.claims} claims)` : ""}${it.reason ? `: ${it.reason}` : ""}`);
    console.log(`${summary.imported} new, ${summary.duplicates} duplicate, ${summary.refused} refused. Matching runs in the background while the server runs.`);
  }
  if (summary.refused) process.exitCode = 1;
} finally {
  await stopBoss();
  await db.$disconnect();
  await embedded?.stop();
}
