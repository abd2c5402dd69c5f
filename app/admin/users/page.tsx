import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/users/data";
import { requirePageActor } from "@/lib/auth/guard";
import { ListWithPanel, Panel } from "../../_components/ui";
import { CreateUserForm, UserRowActions } from "./user-forms";
import { DataTable } from "../../_components/data-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("ADMIN");
  const users = await listUsers(getDb());
  return (
    <ListWithPanel
      titleId="users-title"
      title="Users"
      panel={
        <Panel id="create-user-title" title="Create a user">
          <CreateUserForm />
        </Panel>
      }
    >
      <DataTable
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { header: "Name", cell: (u) => u.name },
          { header: "Email", cell: (u) => u.email },
          { header: "Role", cell: (u) => (u.role === "ADMIN" ? "Admin" : "Reviewer") },
          { header: "Status", cell: (u) => (u.active ? "Active" : "Deactivated") },
          {
            header: "Actions",
            cell: (u) => <UserRowActions user={{ id: u.id, email: u.email, role: u.role, active: u.active }} isSelf={u.id === actor.id} />,
          },
        ]}
      />
    </ListWithPanel>
  );
}
