// Only a path on this site may follow sign-in, so the sign-in page cannot bounce users elsewhere.
// The candidate is resolved as a full URL against this site's origin (dot segments, backslashes,
// tabs and all), and the result must be same-origin. The path we hand back is itself resolved once
// more by the browser, so it must also survive that: "/.//evil.example" resolves to the path
// "//evil.example", which the browser reads as another host. Such a result is refused too.
const ORIGIN = "http://same.invalid";

function resolveSameOrigin(candidate: string): string | null {
  try {
    const u = new URL(candidate, ORIGIN);
    if (u.origin !== ORIGIN) return null;
    return u.pathname + u.search + u.hash;
  } catch {
    return null;
  }
}

export function sameSitePath(candidate: string | undefined): string {
  if (!candidate) return "/";
  const once = resolveSameOrigin(candidate);
  // A stable answer is one that resolves to itself: then the browser goes exactly where we checked.
  if (once === null || !once.startsWith("/") || once.startsWith("//") || resolveSameOrigin(once) !== once) return "/";
  return once;
}
