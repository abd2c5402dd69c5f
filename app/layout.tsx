import type { Metadata } from "next";
import "./globals.css";
import { Nav } from "./_components/nav";

export const metadata: Metadata = { title: { default: "Triangulate", template: "%s · Triangulate" }, description: "Cross-source fact-check review desk" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2">Skip to content</a>
        <Nav />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
