import { z } from "zod";
import { lineText, nameText } from "../text/schema";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

// ownerId: whose token it is; left out (or "me"), the actor's own. Only admins may name someone else.
export const createTokenSchema = z.object({
  name: nameText(lineText({ error: "Name the token." }).min(1, "Name the token, e.g. the integration that uses it.").max(100, "Use at most 100 characters.")),
  ownerId: z.preprocess((v) => (v === "me" ? undefined : blank(v)), z.uuid("Not a user id.").optional()),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const tokenIdSchema = z.object({ id: z.uuid("Not a token id.") });
export type TokenIdInput = z.infer<typeof tokenIdSchema>;
