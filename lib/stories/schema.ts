import { z } from "zod";
import { lineText, nameText } from "../text/schema";

export const storyIdSchema = z.object({ id: z.uuid("Not a story id.") });

// key: the story's address (a Story id, or the id of an article in an unnamed story).
export const nameStorySchema = z.object({
  key: z.uuid("Not a story id."),
  name: nameText(lineText({ error: "Enter a name." }).min(1, "Enter a name.").max(200, "Use at most 200 characters.")),
});
export type NameStoryInput = z.infer<typeof nameStorySchema>;
