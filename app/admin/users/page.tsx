import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/users/data";
import { requirePageActor } from "@/lib/auth/guard";
import { PageTitle } from "../../_components/ui";
import { CreateUserForm, UserRowActions } from "./user-forms";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("ADMIN");
  const users = await listUsers(getDb());
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="users-title">
        <PageTitle><span id="users-title">Users</span></PageTitle>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">Email</th>
                <th scope="col" className="py-2 pr-3">Role</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b border-stone-200 align-top">
                  <td className="py-2 pr-3">{u.name}</td>
                  <td className="py-2 pr-3">{u.email}</td>
                  <td className="py-2 pr-3">{u.role === "ADMIN" ? "Admin" : "Reviewer"}</td>
                  <td className="py-2 pr-3">{u.active ? "Active" : "Deactivated"}</td>
                  <td className="py-2">
                    <UserRowActions user={{ id: u.id, email: u.email, role: u.role, active: u.active }} isSelf={u.id === actor.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="create-user-title" className="rounded border border-stone-200 bg-white p-4">
        <h2 id="create-user-title" className="mb-3 text-lg font-semibold">Create a user</h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
