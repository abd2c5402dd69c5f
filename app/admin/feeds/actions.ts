"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { createFeed, deleteFeed, requestPoll, updateFeed } from "@/lib/feeds/mutations";
import { createFeedSchema, feedIdSchema, updateFeedSchema } from "@/lib/feeds/schema";
import { enqueueFeedPoll } from "@/lib/jobs/feeds";

export const createFeedAction = action({ role: "ADMIN", schema: createFeedSchema }, async (input, actor) => {
  const feed = await createFeed(getDb(), actor.id, input);
  revalidatePath("/admin/feeds");
  return { id: feed.id, url: feed.url, outlet: feed.outlet.name };
});

export const updateFeedAction = action({ role: "ADMIN", schema: updateFeedSchema }, async ({ id, ...change }, actor) => {
  const feed = await updateFeed(getDb(), actor.id, id, change);
  revalidatePath("/admin/feeds");
  return { id: feed.id, paused: feed.paused, intervalMinutes: feed.intervalMinutes };
});

export const pollFeedNowAction = action({ role: "ADMIN", schema: feedIdSchema }, async ({ id }, actor) => {
  const res = await requestPoll(getDb(), actor.id, id, (feedId) => enqueueFeedPoll({ feedId, manual: true }));
  revalidatePath("/admin/feeds");
  return res;
});

export const deleteFeedAction = action({ role: "ADMIN", schema: feedIdSchema }, async ({ id }, actor) => {
  const res = await deleteFeed(getDb(), actor.id, id);
  revalidatePath("/admin/feeds");
  return res;
});
