"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { nameStory } from "@/lib/stories/mutations";
import { nameStorySchema } from "@/lib/stories/schema";

export const nameStoryAction = action({ role: "ADMIN", schema: nameStorySchema }, async (input, actor) => {
  const story = await nameStory(getDb(), actor.id, input);
  revalidatePath("/stories");
  revalidatePath(`/stories/${story.id}`);
  return story;
});
