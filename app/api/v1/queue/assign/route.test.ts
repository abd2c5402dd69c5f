import { describe, it, expect, beforeAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { POST } from "./route";

const { db, admin, reviewer } = await freshDesk({ seed: true });
let claimId: string;

beforeAll(async () => {
  claimId = (await db.claim.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
});

const post = (body: unknown, token?: string) => POST(apiRequest("/api/v1/queue/assign", { token, body }), ctx());

describe("POST /api/v1/queue/assign", () => {
  it("answers 401 to a stranger and a bad token, 403 to a reviewer assigning someone else", async () => {
    expect((await post({ claimId, assigneeId: "me" })).status).toBe(401);
    expect((await post({ claimId, assigneeId: "me" }, "tri_forged")).status).toBe(401);
    const refused = await post({ claimId, assigneeId: admin.user.id }, reviewer.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).assigneeId).toBeNull();
  });

  it("lets a reviewer take a claim and an admin hand it on or clear it", async () => {
    expect(await (await post({ claimId, assigneeId: "me" }, reviewer.token)).json()).toMatchObject({ claimId, assignee: { id: reviewer.user.id } });
    expect(await (await post({ claimId, assigneeId: reviewer.user.id }, admin.token)).json()).toMatchObject({ assignee: { id: reviewer.user.id } });
    expect(await (await post({ claimId, assigneeId: null }, admin.token)).json()).toMatchObject({ assignee: null });
    expect((await post({ claimId: "x", assigneeId: "me" }, admin.token)).status).toBe(400);
  });
});
