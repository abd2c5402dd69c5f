import Link from "next/link";
import { requirePageActor } from "@/lib/auth/guard";

const sections = [
  ["/admin/users", "Users"],
  ["/admin/outlets", "Outlets"],
  ["/admin/feeds", "Feeds"],
  ["/admin/tokens", "Tokens"],
  ["/admin/audit", "Audit"],
  ["/admin/settings", "Settings"],
] as const;

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("ADMIN");
  return (
    <div>
      <nav aria-label="Admin" className="mb-6 flex gap-4 border-b border-stone-200 pb-2 text-sm">
        {sections.map(([href, label]) => (
          <Link key={href} href={href} className="hover:underline">
            {label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
