import { route } from "@/lib/http/route";

// Public: describing the API gives nothing away that the routes themselves do not.
export const GET = route({ role: "public", doc: { tag: "Meta", summary: "This document", success: { status: 200, description: "OpenAPI 3.1." } } }, async ({ req }) => {
  // Imported when asked, since the registry imports this module too.
  const { apiDocument } = await import("../registry");
  return apiDocument({ serverUrl: req.nextUrl.origin });
});
