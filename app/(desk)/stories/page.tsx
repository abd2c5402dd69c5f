import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { listStories } from "@/lib/stories/data";
import { PageTitle } from "../../_components/ui";

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
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Stories, largest first</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2 pr-3">Story</th>
              <th scope="col" className="py-2 pr-3">Outlets</th>
              <th scope="col" className="py-2 pr-3">Articles</th>
              <th scope="col" className="py-2">Claims</th>
            </tr>
          </thead>
          <tbody>
            {stories.map((s) => (
              <tr key={s.key} className="border-b border-stone-200 align-top">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/stories/${s.key}`} className="text-blue-700 underline">{s.name}</Link>
                  {!s.named && <span className="ml-2 text-xs text-stone-600">(automatic name)</span>}
                </th>
                <td className="py-2 pr-3">{s.outlets.join(", ")}</td>
                <td className="py-2 pr-3">{s.articles.length}</td>
                <td className="py-2">{s.claims}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stories.length === 0 && <p className="mt-4">No stories yet: import articles first.</p>}
    </div>
  );
}
