import { route } from "@/lib/http/route";
import { articleIdParams } from "@/lib/articles/schema";
import { getDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { listVersions } from "@/lib/articles/sources";

// Every version of an article's text, oldest first; a claim's anchoredVersion names one of them.
export const GET = route(
  {
    role: "REVIEWER",
    params: articleIdParams,
    doc: {
      tag: "Articles",
      summary: "Every version of an article's text",
      description: "Oldest first. A claim's `anchoredVersion` names the version its offsets and words come from.",
      success: { status: 200, description: "`{current, items: [{number, createdAt, snapshotId, text}]}`." },
    },
  },
  async ({ params }) => {
    const db = getDb();
    const article = await db.article.findUnique({ where: { id: params.id }, select: { currentVersion: true } });
    if (!article) throw new HttpError("not_found", "No such article.");
    const items = await listVersions(db, params.id);
    return {
      current: article.currentVersion,
      items: items.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString(), snapshotId: v.snapshotId, text: v.text })),
    };
  },
);
