import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { updateUser } from "@/lib/users/mutations";
import { userChangeSchema, userIdSchema } from "@/lib/users/schema";

export const PATCH = route(
  {
    role: "ADMIN",
    params: userIdSchema,
    body: userChangeSchema,
    doc: {
      tag: "Users",
      summary: "Deactivate, reactivate, change role or reset password",
      success: { status: 200, description: "The user (and a new password for reset_password)." },
      errors: [422],
    },
  },
  async ({ actor, params, body }) => {
    const { user, password } = await updateUser(getDb(), actor.id, { ...body, id: params.id });
    return { user, ...(password ? { password } : {}) };
  },
);
