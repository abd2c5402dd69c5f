import "server-only";
import { redirect, forbidden } from "next/navigation";
import { currentActor } from "./current";
import type { Actor, Role } from "./actor";

// For pages: strangers go to the sign-in page; signed-in users without the role get a 403 page.
export async function requirePageActor(role?: Role): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (role === "ADMIN" && actor.role !== "ADMIN") forbidden();
  return actor;
}
