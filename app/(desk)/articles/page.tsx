import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { listArticles } from "@/lib/articles/data";
import { PageTitle } from "../../_components/ui";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  await requirePageActor();
  const articles = await listArticles(getDb());
  return (
    <div>
      <PageTitle>Articles</PageTitle>
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-3">Outlet</th>
            <th scope="col" className="py-2 pr-3">Title</th>
            <th scope="col" className="py-2 pr-3">Published</th>
            <th scope="col" className="py-2">Claims</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id} className="border-b border-stone-200">
              <td className="py-2 pr-3">{a.outlet.name}</td>
              <td className="py-2 pr-3">{a.title ?? "Untitled"}</td>
              <td className="py-2 pr-3">{a.publishedAt?.toISOString().slice(0, 10) ?? "—"}</td>
              <td className="py-2">{a._count.claims}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
