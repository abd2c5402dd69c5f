import { z } from "zod";
import { lineText, nameText } from "../text/schema";

const role = z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(["ADMIN", "REVIEWER"], { message: "Choose admin or reviewer." }));
const optionalPassword = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().min(10, "Use at least 10 characters.").max(200).optional());

export const createUserSchema = z.object({
  email: lineText().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  name: nameText(lineText().min(1, "Enter a name.").max(100)),
  role,
  password: optionalPassword,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userIdSchema = z.object({ id: z.uuid("Not a user id.") });

export const userChangeSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("deactivate") }),
    z.object({ action: z.literal("reactivate") }),
    z.object({ action: z.literal("set_role"), role }),
    z.object({ action: z.literal("reset_password") }),
  ],
  { error: "Choose deactivate, reactivate, set_role or reset_password." },
);
export const updateUserSchema = z.intersection(userIdSchema, userChangeSchema);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const publicUser = { id: true, email: true, name: true, role: true, active: true, createdAt: true } as const;
