import { describe, it, expect } from "vitest";
import { assignClaimSchema, claimHref, parseQueueFilters, queueCursor, queueHref, readQueueCursor } from "./schema";

const id = "0b5a3f0e-8a4c-4d2e-9f1b-2c3d4e5f6a7b";

describe("parseQueueFilters", () => {
  it("defaults to unreviewed claims of anyone, page 1", () => {
    expect(parseQueueFilters({})).toEqual({ filters: { status: "unreviewed", assignee: "anyone", contradiction: false, page: 1 }, ignored: [] });
  });

  it("reads every filter, blank fields meaning unset", () => {
    const { filters, ignored } = parseQueueFilters({
      status: "single_sourced",
      outlet: id,
      article: "",
      assignee: "me",
      contradiction: "on",
      q: "  Kremlin ",
      page: "3",
    });
    expect(ignored).toEqual([]);
    expect(filters).toEqual({ status: "single-sourced", outlet: id, assignee: "me", contradiction: true, q: "Kremlin", page: 3 });
  });

  it("accepts a reviewer's id as assignee and the first of repeated parameters", () => {
    expect(parseQueueFilters({ assignee: id, status: ["all", "contradicted"] }).filters).toMatchObject({ assignee: id, status: "all" });
  });

  it("drops each bad parameter, keeps the rest and names what it dropped", () => {
    const { filters, ignored } = parseQueueFilters({ status: "maybe", outlet: "nope", page: "-2", q: "putin", assignee: "someone" });
    expect(filters).toEqual({ status: "unreviewed", assignee: "anyone", contradiction: false, q: "putin", page: 1 });
    expect(ignored.sort()).toEqual(["assignee", "outlet", "page", "status"]);
    expect(parseQueueFilters({ q: "x".repeat(201) }).ignored).toEqual(["search"]);
  });
});

describe("queue cursors", () => {
  const cursor = `0.8125_3_${id}`;
  it("reads a cursor, and drops a malformed one as a bad page", () => {
    expect(parseQueueFilters({ after: cursor, page: "2" }).filters).toMatchObject({ after: cursor, page: 2 });
    expect(readQueueCursor(cursor)).toEqual({ cw: 0.8125, n: 3, id });
    expect(readQueueCursor(queueCursor({ cw: 1e-7, n: 0, id }))).toEqual({ cw: 1e-7, n: 0, id });
    const bad = parseQueueFilters({ after: "1_2_'; drop table", status: "all" });
    expect(bad.filters.status).toBe("all");
    expect(bad.filters.after).toBeUndefined();
    expect(bad.ignored).toEqual(["page"]);
  });

  it("carries a cursor in the queue's URL but never to a claim page", () => {
    expect(queueHref({ page: 2, after: cursor })).toBe(`/queue?page=2&after=${cursor}`);
    const url = new URL(queueHref({ status: "all", page: 3, before: cursor }), "http://x");
    expect(parseQueueFilters(Object.fromEntries(url.searchParams)).filters).toMatchObject({ status: "all", page: 3, before: cursor });
    expect(claimHref("c1", { status: "all", page: 3, after: cursor })).toBe("/claims/c1?status=all");
  });
});

describe("queueHref", () => {
  it("leaves defaults out, so the plain queue is /queue", () => {
    expect(queueHref({ status: "unreviewed", assignee: "anyone", contradiction: false, page: 1 })).toBe("/queue");
    expect(queueHref({ status: "all", q: "a b", contradiction: true, page: 2 })).toBe("/queue?status=all&contradiction=on&q=a+b&page=2");
  });

  it("round-trips through the parser", () => {
    const f = { status: "contradicted" as const, outlet: id, assignee: "unassigned", contradiction: true, q: "Goita", page: 4 };
    const url = new URL(queueHref(f), "http://x");
    expect(parseQueueFilters(Object.fromEntries(url.searchParams)).filters).toEqual(f);
  });
});

describe("assignClaimSchema", () => {
  it("takes me, a user id, or blank for unassigned", () => {
    expect(assignClaimSchema.parse({ claimId: id, assigneeId: "me" }).assigneeId).toBe("me");
    expect(assignClaimSchema.parse({ claimId: id, assigneeId: "" }).assigneeId).toBeNull();
    expect(assignClaimSchema.parse({ claimId: id, assigneeId: null }).assigneeId).toBeNull();
    expect(assignClaimSchema.safeParse({ claimId: "x", assigneeId: "me" }).success).toBe(false);
    expect(assignClaimSchema.safeParse({ claimId: id, assigneeId: "bob" }).success).toBe(false);
  });
});

describe("claimHref", () => {
  it("carries the queue's filters but not its page to the claim page", () => {
    expect(claimHref("c1", { status: "unreviewed", assignee: "anyone", contradiction: false, page: 3 })).toBe("/claims/c1");
    expect(claimHref("c1", { status: "all", flag: "awaiting-approval", page: 2 })).toBe("/claims/c1?status=all&flag=awaiting-approval");
  });
});
