import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";
import { Nav } from "./_components/nav";

export const metadata: Metadata = { title: { default: "Triangulate", template: "%s · Triangulate" }, description: "Cross-source fact-check review desk" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each gets proxy.ts's nonce
  // (a prerendered page would carry scripts without one, and the CSP would block them).
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <Nav />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
