import Link from "next/link";
import { currentActor } from "@/lib/auth/current";
import { SignOutButton } from "./sign-out-button";

export async function Nav() {
  const actor = await currentActor();
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight">
          Triangulate
        </Link>
        {actor && (
          <ul className="flex flex-wrap gap-4 text-sm">
            <li>
              <Link href="/queue" className="hover:underline">
                Queue
              </Link>
            </li>
            <li>
              <Link href="/articles" className="hover:underline">
                Articles
              </Link>
            </li>
            <li>
              <Link href="/stories" className="hover:underline">
                Stories
              </Link>
            </li>
            {actor.role === "ADMIN" && (
              <li>
                <Link href="/admin/users" className="hover:underline">
                  Admin
                </Link>
              </li>
            )}
          </ul>
        )}
        <div className="ml-auto flex items-center gap-3 text-sm">
          {actor ? (
            <>
              <span aria-label="Signed in as">
                {actor.name} <span className="text-stone-500">({actor.role.toLowerCase()})</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/login" className="hover:underline">
              Sign in
            </Link>
          )}
        </div>
      </nav>
    </header>
  );
}
