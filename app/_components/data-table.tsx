// The one table of the list and admin pages: header cells with scope, the same rules and spacing.
// `cell` renders a row's cell; `rowHeader` makes it the row's header (<th scope="row">). A page
// whose rows are components of their own (with state) passes them as `body` instead of `rows`.
// `label` names a cell for screen readers when its figures alone would not say what they count.
export type Column<T> = { header: React.ReactNode; cell?: (row: T) => React.ReactNode; className?: string; rowHeader?: boolean; label?: (row: T) => string };

export const cellClass = (i: number, count: number, extra?: string) => [i < count - 1 ? "py-2 pr-3" : "py-2", extra].filter(Boolean).join(" ");
export const rowClass = "border-b border-stone-200 align-top";

export function DataTable<T>({
  columns,
  rows = [],
  rowKey,
  rowClassName,
  caption,
  captionClassName = "sr-only",
  className,
  empty,
  body,
}: {
  columns: Column<T>[];
  rows?: T[];
  rowKey?: (row: T) => string;
  /** More classes for a row, e.g. to mark the one being shown. */
  rowClassName?: (row: T) => string | undefined;
  /** The table's name; read by screen readers only unless captionClassName shows it. */
  caption?: React.ReactNode;
  captionClassName?: string;
  /** More classes for the scrolling box around the table (margins). */
  className?: string;
  /** Shown in one full-width row when there are no rows. */
  empty?: React.ReactNode;
  body?: React.ReactNode;
}) {
  const n = columns.length;
  const count = body ? (Array.isArray(body) ? body.length : 1) : rows.length;
  return (
    <div className={["overflow-x-auto", className].filter(Boolean).join(" ")}>
      <table className="w-full border-collapse text-left text-sm">
        {caption && <caption className={captionClassName}>{caption}</caption>}
        <thead>
          <tr className="border-b border-stone-300">
            {columns.map((c, i) => (
              <th key={i} scope="col" className={cellClass(i, n, c.className)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {count === 0 && empty && (
            <tr>
              <td colSpan={n} className="py-4 text-stone-600">
                {empty}
              </td>
            </tr>
          )}
          {body ??
            rows.map((r, ri) => (
              <tr key={rowKey ? rowKey(r) : ri} className={[rowClass, rowClassName?.(r)].filter(Boolean).join(" ")}>
                {columns.map((c, i) =>
                  c.rowHeader ? (
                    <th key={i} scope="row" className={cellClass(i, n, `font-normal ${c.className ?? ""}`)}>
                      {c.cell?.(r)}
                    </th>
                  ) : (
                    <td key={i} className={cellClass(i, n, c.className)} aria-label={c.label?.(r)}>
                      {c.cell?.(r)}
                    </td>
                  ),
                )}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
