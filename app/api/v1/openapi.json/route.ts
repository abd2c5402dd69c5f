import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/document";

// Public: describing the API gives nothing away that the routes themselves do not.
export const GET = route({ role: "public" }, async ({ req }) => openApiDocument({ serverUrl: req.nextUrl.origin }));
