// The one table of the list and admin pages: header cells with scope, the same rules and spacing.
// `cell` renders a row's cell; `rowHeader` makes it the row's header (<th scope="row">). A page
// whose rows are components of their own (with state) passes them as `body` instead of `rows`.
export type Column<T> = { header: React.ReactNode; cell?: (row: T) => React.ReactNode; className?: string; rowHeader?: boolean };

export const cellClass = (i: number, count: number, extra?: string) => [i < count - 1 ? "py-2 pr-3" : "py-2", extra].filter(Boolean).join(" ");
export const rowClass = "border-b border-stone-200 align-top";

export function DataTable<T>({ columns, rows = [], rowKey, caption, empty, body }: {
  columns: Column<T>[];
  rows?: T[];
  rowKey?: (row: T) => string;
  caption?: React.ReactNode;
  /** Shown in one full-width row when there are no rows. */
  empty?: React.ReactNode;
  body?: React.ReactNode;
}) {
  const n = columns.length;
  const count = body ? (Array.isArray(body) ? body.length : 1) : rows.length;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr className="border-b border-stone-300">
            {columns.map((c, i) => <th key={i} scope="col" className={cellClass(i, n, c.className)}>{c.header}</th>)}
          </tr>
        </thead>
        <tbody>
          {count === 0 && empty && <tr><td colSpan={n} className="py-4 text-stone-600">{empty}</td></tr>}
          {body ?? rows.map((r, ri) => (
            <tr key={rowKey ? rowKey(r) : ri} className={rowClass}>
              {columns.map((c, i) =>
                c.rowHeader
                  ? <th key={i} scope="row" className={cellClass(i, n, `font-normal ${c.className ?? ""}`)}>{c.cell?.(r)}</th>
                  : <td key={i} className={cellClass(i, n, c.className)}>{c.cell?.(r)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
