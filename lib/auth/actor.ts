// Who is acting. Pure type module so that mutations, which take an actor id, need nothing from auth.
export type Role = "ADMIN" | "REVIEWER";
export type Actor = { id: string; email: string; name: string; role: Role; via: "session" | "token" | "cli" };
