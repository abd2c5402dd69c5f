import { route } from "@/lib/http/route";
import { HttpError } from "@/lib/http/errors";
import { getDb } from "@/lib/db/client";
import { getFeed } from "@/lib/feeds/data";
import { deleteFeed, updateFeed } from "@/lib/feeds/mutations";
import { feedChangeSchema, feedIdSchema } from "@/lib/feeds/schema";

export const GET = route({ role: "ADMIN", params: feedIdSchema }, async ({ params }) => {
  const found = await getFeed(getDb(), params.id);
  if (!found) throw new HttpError("not_found", "Unknown feed.");
  return found;
});

export const PATCH = route({ role: "ADMIN", params: feedIdSchema, body: feedChangeSchema }, async ({ actor, params, body }) => {
  return { feed: await updateFeed(getDb(), actor.id, params.id, body) };
});

export const DELETE = route({ role: "ADMIN", params: feedIdSchema }, async ({ actor, params }) => deleteFeed(getDb(), actor.id, params.id));
