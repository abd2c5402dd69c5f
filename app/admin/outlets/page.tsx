import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { listOutlets } from "@/lib/outlets/data";
import { requirePageActor } from "@/lib/auth/guard";
import { ListWithPanel, Panel } from "../../_components/ui";
import { CreateOutletForm, OutletRow } from "./outlet-forms";
import { DataTable } from "../../_components/data-table";

export const metadata: Metadata = { title: "Outlets" };

export default async function OutletsPage() {
  await requirePageActor("ADMIN");
  const outlets = await listOutlets(getDb());
  return (
    <ListWithPanel
      titleId="outlets-title"
      title="Outlets"
      intro={
        <>
          Outlets in one origin group are not independent of each other: a wire service and the outlets that reprint it count as one source when claims are
          matched.
        </>
      }
      panel={
        <Panel id="create-outlet-title" title="Create an outlet">
          <CreateOutletForm />
        </Panel>
      }
    >
      <DataTable
        columns={[{ header: "Name" }, { header: "Domain" }, { header: "Origin group" }, { header: "Articles", className: "text-right" }, { header: "Actions" }]}
        empty="No outlets yet. Create one, or import an article and its outlet is added."
        body={outlets.map((o) => (
          <OutletRow key={o.id} outlet={o} />
        ))}
      />
    </ListWithPanel>
  );
}
