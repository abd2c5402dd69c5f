"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { requeueMatching } from "@/lib/articles/mutations";
import { enqueueMatch } from "@/lib/jobs/queue";

export const retryMatchingAction = action({ role: "ADMIN", schema: z.object({ id: z.uuid() }) }, async ({ id }, actor) => {
  await requeueMatching(getDb(), actor.id, id, enqueueMatch);
  revalidatePath("/articles");
  return { id };
});
