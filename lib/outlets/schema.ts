import { z } from "zod";
import { lineText, proseText, nameText } from "../text/schema";

// Forms send "" for an empty field; the API may send null. Both mean "none", stored as null.
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

// An outlet is known by its hostname, so a pasted address keeps only that part; anything else
// with a scheme, a path, a port or spaces is refused rather than guessed at.
function toHostname(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const s = v.trim().toLowerCase();
  if (s === "") return null;
  if (/^https?:\/\//.test(s)) {
    try {
      return new URL(s).hostname;
    } catch {
      return s;
    }
  }
  return s.replace(/\.$/, "");
}

const name = nameText(lineText({ error: "Enter a name." }).min(1, "Enter a name.").max(200, "Use at most 200 characters."));
const domain = z.preprocess(toHostname, z.string().regex(HOSTNAME, "Enter a hostname like reuters.com, without spaces or a path.").nullable().optional());
const originGroup = z.preprocess(blankToNull, nameText(lineText().max(200, "Use at most 200 characters.")).nullable().optional());
const notes = z.preprocess(blankToNull, proseText().trim().max(2000, "Use at most 2000 characters.").nullable().optional());

export const createOutletSchema = z.object({ name, domain, originGroup, notes });
export type CreateOutletInput = z.infer<typeof createOutletSchema>;

export const outletIdSchema = z.object({ id: z.uuid("Not an outlet id.") });

// A change names only the fields it sets; null or "" clears a field. An empty change is refused,
// so a misspelt field name is not silently ignored.
const changeShape = { name: name.optional(), domain, originGroup, notes };
export const outletChangeSchema = z
  .object(changeShape)
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "Change at least one of name, domain, originGroup, notes." });
export type OutletChange = z.infer<typeof outletChangeSchema>;

export const updateOutletSchema = z.object({ ...outletIdSchema.shape, ...changeShape });
export type UpdateOutletInput = z.infer<typeof updateOutletSchema>;
