import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { outletNames } from "@/lib/articles/data";
import { PageTitle } from "../../../_components/ui";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import articles" };

export default async function NewArticlePage() {
  await requirePageActor("ADMIN");
  return (
    <div>
      <PageTitle>Import articles</PageTitle>
      <p className="mb-4 max-w-2xl text-stone-700">
        Paste an article or upload .txt, .md or .html files. Menus, ads and captions are removed, claims are extracted, and each
        article is matched against the other outlets in the background.
      </p>
      <ImportForm outlets={await outletNames(getDb())} />
    </div>
  );
}
