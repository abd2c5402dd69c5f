"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { assignClaim } from "@/lib/queue/mutations";
import { assignClaimSchema } from "@/lib/queue/schema";

// Any signed-in user may call this; assignClaim refuses a reviewer who assigns someone else.
export const assignClaimAction = action({ role: "REVIEWER", schema: assignClaimSchema }, async (input, actor) => {
  const res = await assignClaim(getDb(), actor, input);
  revalidatePath("/queue");
  return res;
});
