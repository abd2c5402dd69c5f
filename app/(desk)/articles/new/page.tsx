import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { knownOutlets } from "@/lib/articles/data";
import { PageTitle } from "../../../_components/ui";
import { ImportForm } from "./import-form";
import { UrlImportForm } from "./url-import-form";

export const metadata: Metadata = { title: "Import articles" };

export default async function NewArticlePage() {
  await requirePageActor("ADMIN");
  return (
    <div>
      <PageTitle>Import articles</PageTitle>
      <UrlImportForm />
      <p className="mb-4 max-w-2xl text-stone-700">
        Paste an article, upload .txt, .md or .html files, or both. Each file shows the title, date and outlet found in it, which you can correct before
        importing; what you type always wins. Menus, ads and captions are removed, claims are extracted, and each article is matched against the other outlets
        in the background.
      </p>
      <ImportForm outlets={await knownOutlets(getDb())} />
    </div>
  );
}
