// `npm run token:create -- --email E [--name N]`: the token is the last line of output, alone.
import { connectDatabase } from "../db/connect";
import { createPrisma } from "../db/client";
import { createApiToken } from "../auth/tokens";
import { cliArgs } from "./args";
import { envOrExit } from "../env";

envOrExit();

const { values } = cliArgs({ email: { type: "string" }, name: { type: "string" } }, "npm run token:create -- --email E [--name N]");
if (!values.email) {
  console.error("usage: npm run token:create -- --email E [--name N]");
  process.exit(2);
}
const { url, embedded } = await connectDatabase();
const db = createPrisma(url);
try {
  const owner = await db.user.findUnique({ where: { email: String(values.email).toLowerCase() } });
  if (!owner || !owner.active) throw new Error(`No active user with the email ${values.email}.`);
  const { token, row } = await createApiToken(db, owner.id, String(values.name ?? "cli"));
  await db.auditLog.create({
    data: { actorId: null, action: "token.create", entity: "ApiToken", entityId: row.id, data: { owner: owner.email, prefix: row.prefix } },
  });
  console.error(`Token ${row.prefix}… for ${owner.email}; it is shown only now.`);
  console.log(token);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
