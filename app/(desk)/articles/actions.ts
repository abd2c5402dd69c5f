"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { requeueMatching } from "@/lib/articles/mutations";
import { enqueueMatch } from "@/lib/jobs/queue";
import { articleChangeSchema } from "@/lib/articles/schema";
import { setWireCredit } from "@/lib/articles/wire-credit";

export const retryMatchingAction = action({ role: "ADMIN", schema: z.object({ id: z.uuid() }) }, async ({ id }, actor) => {
  await requeueMatching(getDb(), actor.id, id, enqueueMatch);
  revalidatePath("/articles");
  return { id };
});

export const setWireCreditAction = action({ role: "ADMIN", schema: articleChangeSchema.extend({ id: z.uuid() }) }, async ({ id, ...change }, actor) => {
  const res = await setWireCredit(getDb(), actor.id, id, change);
  revalidatePath(`/articles/${id}`);
  return res;
});
