import Link from "next/link";
import { versionDiff, diffSummary } from "@/lib/articles/diff";
import { MarkedRuns } from "../../../_components/marked-runs";

type Version = { number: number; text: string; createdAt: Date };

// The changes between two versions of the article, as React text: added words underlined in green,
// removed words struck through in red. Never HTML.
export function VersionsDiff({ articleId, versions, from, to }: { articleId: string; versions: Version[]; from?: number; to?: number }) {
  if (versions.length < 2) return null;
  const last = versions[versions.length - 1];
  const b = versions.find((v) => v.number === to) ?? last;
  const a = versions.find((v) => v.number === from && v.number < b.number) ?? versions[versions.indexOf(b) - 1] ?? versions[0];
  const { parts, by } = versionDiff(a.text, b.text);
  const sum = diffSummary(parts);
  return (
    <section aria-label="Changes between versions" className="mb-6 rounded border border-amber-300 bg-amber-50 p-3">
      <h2 className="mb-1 text-lg font-semibold">
        The source changed: version {a.number} → {b.number}
      </h2>
      <p className="mb-2 text-sm text-stone-700">
        {sum.added} word(s) added, {sum.removed} removed ({by === "word" ? "word by word" : "line by line"}). Versions:{" "}
        {versions.map((v, i) => (
          <span key={v.number}>
            {i > 0 && " · "}
            {i > 0 ? (
              <Link href={`/articles/${articleId}?from=${versions[i - 1].number}&to=${v.number}`} className="text-blue-700 underline">
                {v.number} ({v.createdAt.toISOString().slice(0, 10)})
              </Link>
            ) : (
              `${v.number} (${v.createdAt.toISOString().slice(0, 10)})`
            )}
          </span>
        ))}
      </p>
      <div
        aria-label={`Diff of version ${a.number} and ${b.number}`}
        className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-white p-2 text-sm leading-relaxed"
      >
        <MarkedRuns
          runs={parts}
          marks={{ added: { tag: "ins", className: "bg-green-100 text-green-900" }, removed: { tag: "del", className: "bg-red-100 text-red-900" } }}
        />
      </div>
    </section>
  );
}

type Flagged = { id: string; text: string; status: string; sourceChange: unknown };

// Claims whose words a later version changed or lost: they keep their verdicts, with this warning.
export function SourceChangedClaims({ claims }: { claims: Flagged[] }) {
  if (!claims.length) return null;
  return (
    <section aria-label="Claims whose source changed" className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">Claims whose source changed</h2>
      <ul className="space-y-2">
        {claims.map((c) => {
          const change = c.sourceChange as { kind?: string; after?: string | null; toVersion?: number } | null;
          return (
            <li key={c.id} className="rounded border border-amber-300 p-2">
              <Link href={`/claims/${c.id}`} className="text-blue-700 underline">
                “{c.text}”
              </Link>
              <p className="text-sm text-amber-900">
                Source changed: {change?.kind === "orphaned" ? `no longer in version ${change.toVersion}` : `now reads “${change?.after ?? ""}”`}
                {c.status !== "UNREVIEWED" && " · its verdict stands until a reviewer checks it again"}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
