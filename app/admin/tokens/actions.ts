"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { createToken, revokeToken } from "@/lib/tokens/mutations";
import { createTokenSchema, tokenIdSchema } from "@/lib/tokens/schema";

export const createTokenAction = action({ role: "ADMIN", schema: createTokenSchema }, async (input, actor) => {
  const { token, created } = await createToken(getDb(), actor, input);
  revalidatePath("/admin/tokens");
  // The secret goes back to this form once; it is never stored in clear.
  return { secret: token, prefix: created.prefix, owner: created.owner.email };
});

export const revokeTokenAction = action({ role: "ADMIN", schema: tokenIdSchema }, async (input, actor) => {
  const revoked = await revokeToken(getDb(), actor, input.id);
  revalidatePath("/admin/tokens");
  return { prefix: revoked.prefix };
});
