import "server-only";
import type { Db } from "../db/client";
import { publicUser } from "./schema";

export function listUsers(db: Db) {
  return db.user.findMany({ select: publicUser, orderBy: [{ active: "desc" }, { email: "asc" }] });
}
