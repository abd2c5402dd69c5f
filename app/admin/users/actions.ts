"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { createUser, updateUser } from "@/lib/users/mutations";
import { createUserSchema, updateUserSchema } from "@/lib/users/schema";

export const createUserAction = action({ role: "ADMIN", schema: createUserSchema }, async (input, actor) => {
  const { user, password, generated } = await createUser(getDb(), actor.id, input);
  revalidatePath("/admin/users");
  return { email: user.email, password: generated ? password : null };
});

export const updateUserAction = action({ role: "ADMIN", schema: updateUserSchema }, async (input, actor) => {
  const { user, password } = await updateUser(getDb(), actor.id, input);
  revalidatePath("/admin/users");
  return { email: user.email, password };
});
