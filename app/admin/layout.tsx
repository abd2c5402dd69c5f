import Link from "next/link";
import { requirePageActor } from "@/lib/auth/guard";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("ADMIN");
  return (
    <div>
      <nav aria-label="Admin" className="mb-6 flex gap-4 border-b border-stone-200 pb-2 text-sm">
        <Link href="/admin/users" className="hover:underline">
          Users
        </Link>
        <Link href="/admin/outlets" className="hover:underline">
          Outlets
        </Link>
        <Link href="/admin/feeds" className="hover:underline">
          Feeds
        </Link>
        <Link href="/admin/tokens" className="hover:underline">
          Tokens
        </Link>
        <Link href="/admin/audit" className="hover:underline">
          Audit
        </Link>
        <Link href="/admin/settings" className="hover:underline">
          Settings
        </Link>
      </nav>
      {children}
    </div>
  );
}
