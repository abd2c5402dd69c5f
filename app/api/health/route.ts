import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { RETRY_AFTER_SECONDS } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export const GET = route({ role: "public" }, async () => {
  try {
    await getDb().$queryRaw`select 1`;
    return { status: "ok" };
  } catch {
    return json({ status: "unavailable", message: "The database does not answer." }, 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
});
