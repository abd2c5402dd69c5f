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
