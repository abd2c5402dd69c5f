import { anyObject, list } from "@/lib/openapi/spec";
import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listFeeds } from "@/lib/feeds/data";
import { createFeed } from "@/lib/feeds/mutations";
import { createFeedSchema } from "@/lib/feeds/schema";

// Feeds are the desk's configuration: admins only, reading included (addresses may be private).
export const GET = route(
  {
    role: "ADMIN",
    doc: {
      tag: "Feeds",
      summary: "List monitored feeds",
      description:
        "Each feed with its outlet, interval, paused flag, status (NEW, OK, ERROR), last error, last poll and HTTP status, next poll and item counts (imported, duplicates, failed).",
      success: { status: 200, description: "All feeds.", schema: list() },
    },
  },
  async () => ({ items: await listFeeds(getDb()) }),
);

export const POST = route(
  {
    role: "ADMIN",
    body: createFeedSchema,
    doc: {
      tag: "Feeds",
      summary: "Monitor an RSS or Atom feed for an outlet",
      description:
        "The feed is due at once; the worker's minute scan polls it, then every intervalMinutes (5 to 10080, default 60), with If-None-Match / If-Modified-Since. New items are imported by URL.",
      success: { status: 201, description: "The feed.", schema: { type: "object", properties: { feed: anyObject } } },
      errors: [409, 422],
    },
  },
  async ({ actor, body }) => {
    const feed = await createFeed(getDb(), actor.id, body);
    return json({ feed }, 201);
  },
);
