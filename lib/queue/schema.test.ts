import { describe, it, expect } from "vitest";
import { assignClaimSchema, claimHref, parseQueueFilters, queueHref } from "./schema";

const id = "0b5a3f0e-8a4c-4d2e-9f1b-2c3d4e5f6a7b";

describe("parseQueueFilters", () => {
  it("defaults to unreviewed claims of anyone, page 1", () => {
    expect(parseQueueFilters({})).toEqual({ filters: { status: "unreviewed", assignee: "anyone", contradiction: false, page: 1 }, ignored: [] });
  });

  it("reads every filter, blank fields meaning unset", () => {
    const { filters, ignored } = parseQueueFilters({ status: "single_sourced", outlet: id, article: "", assignee: "me", contradiction: "on", q: "  Kremlin ", page: "3" });
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
