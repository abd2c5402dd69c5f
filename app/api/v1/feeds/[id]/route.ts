import { anyObject } from "@/lib/openapi/spec";
import { route } from "@/lib/http/route";
import { HttpError } from "@/lib/http/errors";
import { getDb } from "@/lib/db/client";
import { getFeed } from "@/lib/feeds/data";
import { deleteFeed, updateFeed } from "@/lib/feeds/mutations";
import { feedChangeSchema, feedIdSchema } from "@/lib/feeds/schema";

export const GET = route(
  {
    role: "ADMIN",
    params: feedIdSchema,
    doc: {
      tag: "Feeds",
      summary: "A feed with its latest items",
      description:
        "Items newest first: state IMPORTED, DUPLICATE (the desk had the address or the text) or FAILED (with the error and tries; retried on later polls up to 3 tries).",
      success: {
        status: 200,
        description: "The feed and its items.",
        schema: { type: "object", properties: { feed: anyObject, items: { type: "array", items: anyObject } } },
      },
    },
  },
  async ({ params }) => {
    const found = await getFeed(getDb(), params.id);
    if (!found) throw new HttpError("not_found", "Unknown feed.");
    return found;
  },
);

export const PATCH = route(
  {
    role: "ADMIN",
    params: feedIdSchema,
    body: feedChangeSchema,
    doc: {
      tag: "Feeds",
      summary: "Pause, resume or change a feed's interval",
      description: "A resumed feed is due at once; a new interval counts from the last poll.",
      success: { status: 200, description: "The feed.", schema: { type: "object", properties: { feed: anyObject } } },
    },
  },
  async ({ actor, params, body }) => {
    return { feed: await updateFeed(getDb(), actor.id, params.id, body) };
  },
);

export const DELETE = route(
  {
    role: "ADMIN",
    params: feedIdSchema,
    doc: {
      tag: "Feeds",
      summary: "Stop monitoring a feed",
      description: "Its item records go with it; the articles it imported stay.",
      success: { status: 200, description: "Deleted." },
    },
  },
  async ({ actor, params }) => deleteFeed(getDb(), actor.id, params.id),
);
