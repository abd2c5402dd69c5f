// Only a path on this site may follow sign-in, so the sign-in page cannot bounce users elsewhere.
// Parsing as a URL catches what browsers normalise: "/\\evil.com", tabs, "//evil.com".
export function sameSitePath(candidate: string | undefined): string {
  if (!candidate) return "/";
  try {
    const u = new URL(candidate, "http://same.invalid");
    return u.origin === "http://same.invalid" ? u.pathname + u.search + u.hash : "/";
  } catch {
    return "/";
  }
}
