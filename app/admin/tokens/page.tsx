import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { listTokens } from "@/lib/tokens/data";
import { listUsers } from "@/lib/users/data";
import { requirePageActor } from "@/lib/auth/guard";
import { PageTitle } from "../../_components/ui";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

export default async function TokensPage() {
  const actor = await requirePageActor("ADMIN");
  const db = getDb();
  const [tokens, users] = await Promise.all([listTokens(db), listUsers(db)]);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="tokens-title">
        <PageTitle><span id="tokens-title">API tokens</span></PageTitle>
        <p className="mb-4 text-sm text-stone-600">
          Integrations send a token as <code>Authorization: Bearer tri_…</code>. Only its prefix is kept in clear; a revoked token
          stops working on its next request.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">Prefix</th>
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">Owner</th>
                <th scope="col" className="py-2 pr-3">Created</th>
                <th scope="col" className="py-2 pr-3">Last used</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tokens.length === 0 && <tr><td colSpan={7} className="py-4 text-stone-600">No tokens yet.</td></tr>}
              {tokens.map((t) => (
                <tr key={t.id} className="border-b border-stone-200 align-top">
                  <td className="py-2 pr-3 font-mono">{t.prefix}…</td>
                  <td className="py-2 pr-3">{t.name || "—"}</td>
                  <td className="py-2 pr-3">{t.owner.name} <span className="text-stone-500">({t.owner.email})</span></td>
                  <td className="py-2 pr-3">{when(t.createdAt)}</td>
                  <td className="py-2 pr-3">{when(t.lastUsedAt)}</td>
                  <td className="py-2 pr-3">{t.revokedAt ? `Revoked ${when(t.revokedAt)}` : "Active"}</td>
                  <td className="py-2">{!t.revokedAt && <RevokeTokenButton id={t.id} prefix={t.prefix} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="create-token-title" className="rounded border border-stone-200 bg-white p-4">
        <h2 id="create-token-title" className="mb-3 text-lg font-semibold">Create a token</h2>
        <CreateTokenForm users={users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, email: u.email }))} selfId={actor.id} />
      </section>
    </div>
  );
}
