import { emphasise, reasonTokens } from "@/lib/links/emphasis";
import { MarkedRuns } from "../../../_components/marked-runs";

// A passage of another article in its context, with what differs strong and what is shared emphasised.
export function PassageInContext({ prefix, text, suffix, reasons = [] }: { prefix: string; text: string; suffix: string; reasons?: string[] }) {
  const before = prefix.length >= 32 ? `…${prefix.replace(/^\S*\s/, "")}` : prefix;
  const after = suffix.length >= 32 ? `${suffix.replace(/\s\S*$/, "")}…` : suffix;
  return (
    <blockquote className="border-l-4 border-stone-300 pl-3 leading-relaxed">
      <span className="text-stone-600">{before}</span>
      <span className="bg-sky-50">
        <MarkedRuns
          runs={emphasise(text, reasonTokens(reasons)).map((p) => ({ kind: p.emphasis, text: p.text }))}
          marks={{ differs: { tag: "strong", className: "text-red-800 underline decoration-2" }, shared: { tag: "em", className: "font-medium" } }}
        />
      </span>
      <span className="text-stone-600">{after}</span>
    </blockquote>
  );
}

export const RELATION_LABEL = { supports: "supports", contradicts: "contradicts" } as const;
export const independenceLabel = (independent: boolean) => (independent ? "independent" : "same origin group or near-copy");
