import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { storyGrid } from "@/lib/stories/data";
import { PageTitle, Section } from "../../../_components/ui";
import { DataTable } from "../../../_components/data-table";
import { NameStoryForm } from "./name-form";
import { GridCell, excerpt, statusLabel } from "./grid-cell";

export const metadata: Metadata = { title: "Story" };

export default async function StoryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const found = /^[0-9a-f-]{36}$/i.test(id) ? await storyGrid(getDb(), id) : null;
  if (!found) notFound();
  const { story, grid } = found;
  const outletName = new Map(grid.outlets.map((o) => [o.id, o.name]));
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/stories" className="text-blue-700 underline">
          All stories
        </Link>
      </p>
      <PageTitle>{story.name}</PageTitle>
      <p className="mb-4 text-sm text-stone-600">
        {story.named ? "" : "Automatic name. "}
        {story.articles.length} articles from {grid.outlets.length} outlets, {story.claims} claims.
      </p>
      {actor.role === "ADMIN" && <NameStoryForm storyKey={story.key} name={story.name} named={story.named} />}

      {grid.rows.length === 0 ? (
        <p className="mb-6">No claims in this story are linked to claims of another article yet.</p>
      ) : (
        <DataTable
          className="mb-6"
          captionClassName="mb-2 text-left text-stone-700"
          caption={
            <>
              Who says what: one row per cluster of linked claims, one column per outlet. Each cell says whether the outlet supports or contradicts the
              cluster&apos;s anchor (the claim linked to the most others in it), is linked to the row only through a contradiction between other claims
              (indirect), or is absent (—), and the verdict of the outlet&apos;s claim.
            </>
          }
          rows={grid.rows.map((row, i) => ({ ...row, n: i + 1 }))}
          rowKey={(row) => row.anchor.id}
          columns={[
            {
              header: "Claim cluster",
              rowHeader: true,
              className: "min-w-48 max-w-xs",
              cell: (row) => (
                <>
                  <span className="font-semibold">Cluster {row.n}</span> <span className="text-stone-600">({row.size} claims)</span>
                  <span className="block">{excerpt(row.anchor.text, 140)}</span>
                </>
              ),
            },
            ...grid.outlets.map((o) => ({
              header: o.name,
              className: "min-w-36",
              cell: (row: (typeof grid.rows)[number]) => <GridCell cell={row.cells[o.id]} />,
            })),
          ]}
        />
      )}

      {grid.singletons.length > 0 && (
        <details className="mb-6 rounded border border-stone-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium">Claims linked to no other claim ({grid.singletons.length})</summary>
          <ul className="mt-2 space-y-1">
            {grid.singletons.map((c) => (
              <li key={c.id}>
                {outletName.get(c.outletId)}:{" "}
                <Link href={`/claims/${c.id}`} className="text-blue-700 underline">
                  {excerpt(c.text, 160)}
                </Link>{" "}
                ({statusLabel(c.status)})
              </li>
            ))}
          </ul>
        </details>
      )}

      <Section id="story-articles" title="Articles">
        <ul className="space-y-1 text-sm">
          {story.articles.map((a) => (
            <li key={a.id}>
              {a.outletName}:{" "}
              <Link href={`/articles/${a.id}`} className="text-blue-700 underline">
                {a.title ?? `Untitled (${a.outletName})`}
              </Link>{" "}
              ({a.claims} claims)
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
