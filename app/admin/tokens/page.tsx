import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { listTokens } from "@/lib/tokens/data";
import { listUsers } from "@/lib/users/data";
import { requirePageActor } from "@/lib/auth/guard";
import { ListWithPanel, Panel } from "../../_components/ui";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";
import { DataTable } from "../../_components/data-table";

export const metadata: Metadata = { title: "API tokens" };

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

export default async function TokensPage() {
  const actor = await requirePageActor("ADMIN");
  const db = getDb();
  const [tokens, users] = await Promise.all([listTokens(db), listUsers(db)]);
  return (
    <ListWithPanel
      titleId="tokens-title"
      title="API tokens"
      intro={
        <>
          Integrations send a token as <code>Authorization: Bearer tri_…</code>. Only its prefix is kept in clear; a revoked token stops working on its next
          request.
        </>
      }
      panel={
        <Panel id="create-token-title" title="Create a token">
          <CreateTokenForm users={users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, email: u.email }))} selfId={actor.id} />
        </Panel>
      }
    >
      <DataTable
        rows={tokens}
        rowKey={(t) => t.id}
        empty="No tokens yet."
        columns={[
          { header: "Prefix", className: "font-mono", cell: (t) => `${t.prefix}…` },
          { header: "Name", cell: (t) => t.name || "—" },
          {
            header: "Owner",
            cell: (t) => (
              <>
                {t.owner.name} <span className="text-stone-500">({t.owner.email})</span>
              </>
            ),
          },
          { header: "Created", cell: (t) => when(t.createdAt) },
          { header: "Last used", cell: (t) => when(t.lastUsedAt) },
          { header: "Status", cell: (t) => (t.revokedAt ? `Revoked ${when(t.revokedAt)}` : "Active") },
          { header: "Actions", cell: (t) => !t.revokedAt && <RevokeTokenButton id={t.id} prefix={t.prefix} /> },
        ]}
      />
    </ListWithPanel>
  );
}
