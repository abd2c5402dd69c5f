import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { findStoryGroup } from "./data";
import type { NameStoryInput } from "./schema";

/**
 * Names (or renames) the story at `key`. The first naming creates a Story row; either way every
 * article now in the story is pointed at it, so articles that joined since the last naming follow.
 */
export async function nameStory(db: Db, actorId: string | null, input: NameStoryInput) {
  return db.$transaction(async (tx) => {
    const group = await findStoryGroup(tx, input.key);
    if (!group) throw new DomainError("not_found", "No such story.");
    const before = group.storyId ? group.name : null;
    const story = group.storyId
      ? await tx.story.update({ where: { id: group.storyId }, data: { name: input.name } })
      : await tx.story.create({ data: { name: input.name } });
    const articleIds = group.articles.map((a) => a.id);
    await tx.article.updateMany({ where: { id: { in: articleIds } }, data: { storyId: story.id } });
    await tx.auditLog.create({
      data: {
        actorId,
        action: group.storyId ? "story.rename" : "story.name",
        entity: "Story",
        entityId: story.id,
        data: { from: before, to: story.name, articles: articleIds.length },
      },
    });
    return { id: story.id, name: story.name };
  });
}
