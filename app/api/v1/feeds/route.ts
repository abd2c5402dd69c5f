import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listFeeds } from "@/lib/feeds/data";
import { createFeed } from "@/lib/feeds/mutations";
import { createFeedSchema } from "@/lib/feeds/schema";

// Feeds are the desk's configuration: admins only, reading included (addresses may be private).
export const GET = route({ role: "ADMIN" }, async () => ({ items: await listFeeds(getDb()) }));

export const POST = route({ role: "ADMIN", body: createFeedSchema }, async ({ actor, body }) => {
  const feed = await createFeed(getDb(), actor.id, body);
  return json({ feed }, 201);
});
