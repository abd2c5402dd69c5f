import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { feedSelect, presentFeed } from "./data";
import type { CreateFeedInput, FeedChange } from "./schema";

// Writes take an explicit actor id and log to AuditLog in the same transaction.

export async function createFeed(db: Db, actorId: string | null, input: CreateFeedInput) {
  return db.$transaction(async (tx) => {
    const outlet = await tx.outlet.findUnique({ where: { id: input.outletId }, select: { id: true } });
    if (!outlet) throw new DomainError("rule", "That outlet no longer exists.");
    const taken = await tx.feed.findUnique({ where: { url: input.url }, select: { outlet: { select: { name: true } } } });
    if (taken) throw new DomainError("conflict", `This feed is already monitored for ${taken.outlet.name}.`);
    const feed = await tx.feed.create({
      data: { outletId: input.outletId, url: input.url, intervalMinutes: input.intervalMinutes, createdById: actorId },
      select: feedSelect,
    });
    await tx.auditLog.create({
      data: {
        actorId,
        action: "feed.create",
        entity: "Feed",
        entityId: feed.id,
        data: { url: feed.url, outletId: input.outletId, intervalMinutes: feed.intervalMinutes },
      },
    });
    return presentFeed(feed);
  });
}

/** Pause, resume or change the interval. A resumed feed is due at once; a new interval counts from the last poll. */
export async function updateFeed(db: Db, actorId: string | null, id: string, change: FeedChange) {
  return db.$transaction(async (tx) => {
    const before = await tx.feed.findUnique({ where: { id }, select: { paused: true, intervalMinutes: true, lastPolledAt: true } });
    if (!before) throw new DomainError("not_found", "Unknown feed.");
    const data: { paused?: boolean; intervalMinutes?: number; nextPollAt?: Date } = {};
    if (change.paused !== undefined) data.paused = change.paused;
    if (change.intervalMinutes !== undefined) {
      data.intervalMinutes = change.intervalMinutes;
      if (before.lastPolledAt) data.nextPollAt = new Date(before.lastPolledAt.getTime() + change.intervalMinutes * 60_000);
    }
    if (before.paused && change.paused === false) data.nextPollAt = new Date();
    const feed = await tx.feed.update({ where: { id }, data, select: feedSelect });
    const action = change.paused === true && !before.paused ? "feed.pause" : change.paused === false && before.paused ? "feed.resume" : "feed.update";
    await tx.auditLog.create({
      data: {
        actorId,
        action,
        entity: "Feed",
        entityId: id,
        data: {
          before: { paused: before.paused, intervalMinutes: before.intervalMinutes },
          after: { paused: feed.paused, intervalMinutes: feed.intervalMinutes },
        },
      },
    });
    return presentFeed(feed);
  });
}

/** "Poll now": due at once and queued, paused or not (the admin asked for this one poll). */
export async function requestPoll(db: Db, actorId: string | null, id: string, enqueue: (feedId: string) => Promise<unknown>) {
  const feed = await db.$transaction(async (tx) => {
    const found = await tx.feed.findUnique({ where: { id }, select: { id: true, url: true } });
    if (!found) throw new DomainError("not_found", "Unknown feed.");
    await tx.auditLog.create({ data: { actorId, action: "feed.poll", entity: "Feed", entityId: id, data: { url: found.url } } });
    return found;
  });
  await enqueue(feed.id);
  return { id: feed.id, queued: true };
}

/** Stops monitoring a feed. Its items go with it; the articles it imported stay. */
export async function deleteFeed(db: Db, actorId: string | null, id: string) {
  return db.$transaction(async (tx) => {
    const feed = await tx.feed.findUnique({ where: { id }, select: { id: true, url: true, outletId: true } });
    if (!feed) throw new DomainError("not_found", "Unknown feed.");
    await tx.feed.delete({ where: { id } });
    await tx.auditLog.create({ data: { actorId, action: "feed.delete", entity: "Feed", entityId: id, data: { url: feed.url, outletId: feed.outletId } } });
    return { id, deleted: true };
  });
}
