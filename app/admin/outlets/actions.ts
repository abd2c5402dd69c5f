"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { createOutlet, updateOutlet } from "@/lib/outlets/mutations";
import { createOutletSchema, updateOutletSchema } from "@/lib/outlets/schema";

export const createOutletAction = action({ role: "ADMIN", schema: createOutletSchema }, async (input, actor) => {
  const outlet = await createOutlet(getDb(), actor.id, input);
  revalidatePath("/admin/outlets");
  return { id: outlet.id, name: outlet.name };
});

export const updateOutletAction = action({ role: "ADMIN", schema: updateOutletSchema }, async (input, actor) => {
  const outlet = await updateOutlet(getDb(), actor.id, input);
  revalidatePath("/admin/outlets");
  return { id: outlet.id, name: outlet.name };
});
