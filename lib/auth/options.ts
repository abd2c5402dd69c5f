import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { env } from "../env";
import { verifyPassword, dummyHash } from "./password";
import { isLoginLimited, recordLoginFailure, clearLoginFailures, clientIp } from "./rate-limit";
import type { Role } from "./actor";
import { hasLineControls } from "../text/schema";

export const SESSION_HOURS = 12;

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET ?? env().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "")
          .trim()
          .toLowerCase();
        const password = String(credentials?.password ?? "");
        const ip = clientIp((req?.headers ?? {}) as Record<string, string>);
        // Postgres cannot store a NUL; an address with control characters is no address.
        if (!email || !password || hasLineControls(email)) return null;
        // One attempt per email at a time: a burst of parallel guesses cannot all pass the check
        // before the first failure is counted.
        const user = await getDb().$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${email}))`;
            if (await isLoginLimited(tx, email, ip)) throw new Error("RateLimited");
            const found = await tx.user.findUnique({ where: { email } });
            // Same work and the same answer whether the email is unknown or the password wrong.
            const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), password);
            if (!found || !ok || !found.active) {
              await recordLoginFailure(tx, email, ip);
              return null;
            }
            await clearLoginFailures(tx, email);
            return found;
          },
          { timeout: 15_000, maxWait: 15_000 },
        );
        if (!user) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  events: {
    // A session is a signed cookie that stays valid until it expires (12 h); signing out only
    // deletes the browser's copy. Moving sessionsValidAfter ends every session signed in before
    // now, so a copied cookie dies with the sign-out too (lib/auth/current checks it per request).
    async signOut({ token }) {
      const uid = (token as { uid?: string } | null)?.uid;
      if (uid) await getDb().user.updateMany({ where: { id: uid }, data: { sessionsValidAfter: new Date() } });
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as unknown as { role: Role }).role;
        token.authAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid as string, authAt: token.authAt as number };
    },
  },
};
