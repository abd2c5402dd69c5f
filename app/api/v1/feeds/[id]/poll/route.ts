import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { requestPoll } from "@/lib/feeds/mutations";
import { feedIdSchema } from "@/lib/feeds/schema";
import { enqueueFeedPoll } from "@/lib/jobs/feeds";

// Queues one poll now (paused or not); the worker runs it. 202: the answer does not wait for it.
export const POST = route(
  {
    role: "ADMIN",
    params: feedIdSchema,
    doc: {
      tag: "Feeds",
      summary: "Poll a feed now",
      description: "Queues one poll, paused or not; the answer does not wait for it. A poll already running is not doubled.",
      success: {
        status: 202,
        description: "Queued.",
        schema: { type: "object", properties: { id: { type: "string", format: "uuid" }, queued: { type: "boolean" } } },
      },
    },
  },
  async ({ actor, params }) => {
    const res = await requestPoll(getDb(), actor.id, params.id, (feedId) => enqueueFeedPoll({ feedId, manual: true }));
    return json(res, 202);
  },
);
