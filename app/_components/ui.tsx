// Small shared pieces so every page looks and behaves the same.
export function PageTitle({ children }: { children: React.ReactNode }) {
  return <h1 className="mb-4 text-2xl font-semibold tracking-tight">{children}</h1>;
}

export const inputClass = "w-full rounded border border-stone-300 bg-white px-3 py-2";
export const buttonClass = "rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-50";
export const secondaryButtonClass = "rounded border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-100 disabled:opacity-50";

// A boxed side section with its own heading (the admin pages' "Create …" forms).
export function Panel({ id, title, children }: { id: string; title: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded border border-stone-200 bg-white p-4">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

// The admin list pages: a titled list with an optional introduction, and a side panel (usually a "Create …" form)
// that moves beside the list on wide screens.
export function ListWithPanel({
  titleId,
  title,
  intro,
  panel,
  sideFrom = "lg",
  children,
}: {
  titleId: string;
  title: React.ReactNode;
  intro?: React.ReactNode;
  panel: React.ReactNode;
  /** The breakpoint from which the panel sits beside the list rather than under it. */
  sideFrom?: "lg" | "xl";
  children: React.ReactNode;
}) {
  return (
    <div className={sideFrom === "xl" ? "grid gap-8 xl:grid-cols-[1fr_20rem]" : "grid gap-8 lg:grid-cols-[1fr_20rem]"}>
      <section aria-labelledby={titleId}>
        <PageTitle>
          <span id={titleId}>{title}</span>
        </PageTitle>
        {intro && <p className="mb-4 text-sm text-stone-600">{intro}</p>}
        {children}
      </section>
      {panel}
    </div>
  );
}

// A page section under its own heading, named by it.
export function Section({ id, title, children }: { id: string; title: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
