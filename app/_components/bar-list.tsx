import Link from "next/link";

type Bar = { key: string; label: string; count: number; tone: string; href?: string };

// A bar chart as a list: the numbers are text, the bars only draw them (hidden from screen readers).
export function BarList({ label, items, total, showShare = true }: { label: string; items: Bar[]; total: number; showShare?: boolean }) {
  return (
    <ul aria-label={label} className="space-y-2">
      {items.map((b) => {
        const share = total > 0 ? Math.round((b.count / total) * 100) : 0;
        const text = `${b.count}${showShare ? ` (${share}%)` : ""}`;
        return (
          <li key={b.key} className="grid grid-cols-[10rem_1fr_6rem] items-center gap-3 text-sm">
            <span>
              {b.href ? (
                <Link href={b.href} className="text-blue-700 underline">
                  {b.label}
                </Link>
              ) : (
                b.label
              )}
            </span>
            <span aria-hidden="true" className="h-4 rounded bg-stone-100">
              <span className={`block h-4 rounded ${b.tone}`} style={{ width: `${total > 0 ? (b.count / total) * 100 : 0}%` }} />
            </span>
            <span className="tabular-nums">{text}</span>
          </li>
        );
      })}
    </ul>
  );
}
