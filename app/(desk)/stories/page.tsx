import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { listStories } from "@/lib/stories/data";
import { PageTitle } from "../../_components/ui";
import { DataTable } from "../../_components/data-table";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage() {
  await requirePageActor();
  const stories = await listStories(getDb());
  return (
    <div>
      <PageTitle>Stories</PageTitle>
      <p className="mb-4 text-sm text-stone-600">
        Articles whose claims are linked (by a suggestion or a reviewer, unless rejected) form one story. Open a story to see who says what.
      </p>
      <DataTable
        caption="Stories, largest first"
        rows={stories}
        rowKey={(s) => s.key}
        columns={[
          {
            header: "Story",
            rowHeader: true,
            cell: (s) => (
              <>
                <Link href={`/stories/${s.key}`} className="text-blue-700 underline">
                  {s.name}
                </Link>
                {!s.named && <span className="ml-2 text-xs text-stone-600">(automatic name)</span>}
              </>
            ),
          },
          { header: "Outlets", cell: (s) => s.outlets.join(", ") },
          { header: "Articles", cell: (s) => s.articles.length },
          { header: "Claims", cell: (s) => s.claims },
        ]}
      />
      {stories.length === 0 && <p className="mt-4">No stories yet: import articles first.</p>}
    </div>
  );
}
