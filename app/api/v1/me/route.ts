import { route } from "@/lib/http/route";

export const GET = route({ role: "REVIEWER" }, async ({ actor }) => ({
  user: { id: actor.id, email: actor.email, name: actor.name, role: actor.role },
}));
