import { env } from "../env";
// Response headers for pages, built per request by proxy.ts. Pure, so it is tested without a server.

// Scripts run only with this response's nonce: an injected <script> has none, and 'strict-dynamic'
// lets Next's own nonce-carrying scripts load the chunks they need. Styles stay 'unsafe-inline'
// (React style attributes); they cannot run code.
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

export const HSTS = "max-age=31536000; includeSubDomains";

// Served over https: the public URL says so, or the TLS-terminating proxy does. A forged
// X-Forwarded-Proto only makes the forger's own browser insist on https.
export function servedOverHttps(req: { nextUrl: { protocol: string }; headers: Headers }, publicUrl = env().NEXTAUTH_URL): boolean {
  return req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https" || Boolean(publicUrl?.startsWith("https://"));
}
