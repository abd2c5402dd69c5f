import { route } from "@/lib/http/route";
import { apiDocument, OPENAPI_ROUTE } from "../registry";

// Public: describing the API gives nothing away that the routes themselves do not.
export const GET = route(OPENAPI_ROUTE, async ({ req }) => apiDocument({ serverUrl: req.nextUrl.origin }));
