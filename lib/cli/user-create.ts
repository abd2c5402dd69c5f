// `npm run user:create -- --email E --name N --role admin|reviewer [--password P]`
import { ZodError } from "zod";
import { connectDatabase } from "../db/connect";
import { createPrisma } from "../db/client";
import { createUser } from "../users/mutations";
import { createUserSchema } from "../users/schema";
import { cliArgs } from "./args";
import { envOrExit } from "../env";

envOrExit();

const usage = "npm run user:create -- --email E --name N --role admin|reviewer [--password P]";
const { values } = cliArgs({ email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } }, usage);
const { url, embedded } = await connectDatabase();
const db = createPrisma(url);
try {
  const input = createUserSchema.parse(values);
  const { user, password, generated } = await createUser(db, null, input);
  console.log(`Created ${user.role.toLowerCase()} ${user.email}`);
  if (generated) console.log(`Password (shown once): ${password}`);
} catch (e) {
  console.error(e instanceof ZodError ? e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n") + `\nusage: ${usage}` : (e as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
