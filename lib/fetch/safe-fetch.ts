import "server-only";
import { env } from "../env";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import dns from "node:dns";
import zlib from "node:zlib";
import type { LookupFunction } from "node:net";
import { blockedKind, type BlockedKind } from "./address";

// The one way the desk fetches a page it was told about (docs/decisions/022): http(s) only, every
// address of every hop checked, the connection pinned to the address that was checked (so a DNS
// answer that changes between check and connect cannot reach the desk's own network), redirects
// followed by hand, connect and total timeouts, a size limit counted after decompression.

export type FetchErrorCode =
  "scheme" | "private_address" | "unreachable" | "timeout" | "too_large" | "not_html" | "not_feed" | "too_many_redirects" | "http_error";

const MESSAGES: Record<FetchErrorCode, string> = {
  scheme: "Only http and https addresses can be fetched.",
  private_address: "That address points into a private network; the desk does not fetch it.",
  unreachable: "The site could not be reached.",
  timeout: "The site took too long to answer.",
  too_large: "The page is too large to import.",
  not_html: "That address does not serve an HTML page.",
  not_feed: "That address does not serve an RSS or Atom feed.",
  too_many_redirects: "The address redirects more than 3 times.",
  http_error: "The site answered with an error.",
};

export class FetchError extends Error {
  constructor(
    public code: FetchErrorCode,
    message = MESSAGES[code],
    public detail: { status?: number; url?: string; kind?: BlockedKind } = {},
  ) {
    super(message);
  }
}
/** The desk would not fetch it: the address, its content or its size is not acceptable. */
export class FetchRefused extends FetchError {}
/** The fetch was tried and did not work: unreachable, too slow, or an HTTP error. */
export class FetchFailed extends FetchError {}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;
export type SafeFetchOptions = {
  headers?: Record<string, string>;
  accept?: "html" | "feed";
  maxBytes?: number;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** Tests only: a resolver standing in for DNS, and an allow-list instead of FETCH_ALLOW_HOSTS. */
  resolver?: Resolver;
  allowHosts?: ReadonlySet<string>;
};
export type SafeFetchResult = { status: number; finalUrl: string; headers: Record<string, string>; body: string; bytes: number };

export const DEFAULT_MAX_BYTES = 5_000_000;
export const MAX_REDIRECTS = 3;
const USER_AGENT = "Triangulate/1.0 (fact-check desk; +https://github.com/triangulate)";
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const FEED_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"]);

/**
 * FETCH_ALLOW_HOSTS: comma-separated `address:port` pairs ("127.0.0.1:3240,[::1]:3241") the fetcher
 * may reach although they are private. Off by default; tests set it for the fixture servers they
 * start. Read once per process.
 */
let envAllow: ReadonlySet<string> | undefined;
export function parseAllowHosts(value: string | undefined): ReadonlySet<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}
const allowedFromEnv = () => (envAllow ??= parseAllowHosts(env().FETCH_ALLOW_HOSTS));
const hostPort = (address: string, port: number) => (net.isIPv6(address) ? `[${address.toLowerCase()}]:${port}` : `${address}:${port}`);

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Resolves a host and checks every address it has: one private address refuses the whole name
 * (an attacker's DNS could hand out either). Returns the addresses to pin the connection to.
 */
export async function resolveChecked(hostname: string, port: number, opts: { resolver?: Resolver; allowHosts?: ReadonlySet<string>; timeoutMs?: number } = {}) {
  const host = hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      addresses = await withTimeout((opts.resolver ?? systemResolver)(host), opts.timeoutMs ?? 10_000);
    } catch (e) {
      if (e instanceof FetchError) throw e;
      throw new FetchFailed("unreachable", `The site's name (${host}) could not be resolved.`);
    }
  }
  if (!addresses.length) throw new FetchFailed("unreachable", `The site's name (${host}) has no address.`);
  const allow = opts.allowHosts ?? allowedFromEnv();
  for (const a of addresses) {
    const kind = blockedKind(a.address);
    if (kind && !allow.has(hostPort(a.address, port))) throw new FetchRefused("private_address", undefined, { kind });
  }
  return addresses;
}

/** A socket lookup that answers only with addresses already checked, whatever DNS says now. */
export function pinnedLookup(addresses: { address: string; family: number }[]): LookupFunction {
  return ((_host: string, options: { all?: boolean; family?: number | string }, cb: (...args: unknown[]) => void) => {
    const fam = options?.family === 6 || options?.family === "IPv6" ? 6 : options?.family === 4 || options?.family === "IPv4" ? 4 : 0;
    const list = fam ? addresses.filter((a) => a.family === fam) : addresses;
    if (!list.length) return cb(Object.assign(new Error("no checked address of that family"), { code: "ENOTFOUND" }));
    if (options?.all) return cb(null, list);
    cb(null, list[0].address, list[0].family);
  }) as unknown as LookupFunction;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new FetchFailed("timeout")), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

function charsetOf(contentType: string | undefined, head: Buffer): string {
  const declared =
    contentType?.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1] ??
    head
      .subarray(0, 2048)
      .toString("latin1")
      .match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1] ??
    head
      .subarray(0, 200)
      .toString("latin1")
      .match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i)?.[1];
  return declared?.toLowerCase() ?? "utf-8";
}

function decode(buf: Buffer, contentType: string | undefined): string {
  try {
    return new TextDecoder(charsetOf(contentType, buf)).decode(buf);
  } catch {
    return new TextDecoder("utf-8").decode(buf);
  }
}

type Hop = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; location?: string };

// One request to one checked address. Resolves with the body (or none for redirects and 304s).
function requestOnce(
  url: URL,
  addresses: { address: string; family: number }[],
  opts: Required<Pick<SafeFetchOptions, "maxBytes" | "connectTimeoutMs">> & { headers: Record<string, string>; deadline: number; accept: "html" | "feed" },
): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === "https:" ? https : http;
    let settled = false;
    const fail = (e: FetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      req.destroy();
      reject(e);
    };
    const req = lib.request(url, { method: "GET", headers: opts.headers, lookup: pinnedLookup(addresses), agent: false, family: 0 });
    const total = setTimeout(() => fail(new FetchFailed("timeout")), Math.max(1, opts.deadline - Date.now()));
    const connect = setTimeout(() => fail(new FetchFailed("timeout", "The site did not accept a connection in time.")), opts.connectTimeoutMs);
    req.on("socket", (s) => {
      if (!s.connecting) clearTimeout(connect);
      else s.once(url.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(connect));
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(connect);
      fail(new FetchFailed("unreachable", `The site could not be reached (${e.code ?? e.message}).`));
    });
    req.on("response", (res) => {
      clearTimeout(connect);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if ((status >= 300 && status < 400 && status !== 304) || status === 304 || status >= 400) {
        res.resume();
        settled = true;
        clearTimeout(total);
        req.destroy();
        return resolve({ status, headers: res.headers, body: Buffer.alloc(0), location });
      }
      const type = mediaType(res.headers["content-type"]);
      if (!(opts.accept === "feed" ? FEED_TYPES.has(type) || type.endsWith("+xml") : HTML_TYPES.has(type))) {
        return fail(
          new FetchRefused(
            opts.accept === "feed" ? "not_feed" : "not_html",
            opts.accept === "feed"
              ? `That address serves ${type || "no content type"}, not an RSS or Atom feed.`
              : `That address serves ${type || "no content type"}, not an HTML page.`,
          ),
        );
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > opts.maxBytes) return fail(new FetchRefused("too_large"));
      // Count bytes after decompression, so a small compressed bomb is refused too.
      const enc = String(res.headers["content-encoding"] ?? "")
        .toLowerCase()
        .trim();
      const stream =
        enc === "gzip" || enc === "x-gzip"
          ? res.pipe(zlib.createGunzip())
          : enc === "deflate"
            ? res.pipe(zlib.createInflate())
            : enc === "br"
              ? res.pipe(zlib.createBrotliDecompress())
              : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) return fail(new FetchRefused("too_large"));
        chunks.push(c);
      });
      stream.on("error", () => fail(new FetchFailed("unreachable", "The site's answer broke off.")));
      res.on("aborted", () => fail(new FetchFailed("unreachable", "The site's answer broke off.")));
      stream.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.end();
  });
}

const flatHeaders = (h: http.IncomingHttpHeaders) =>
  Object.fromEntries(
    Object.entries(h)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)]),
  );

/**
 * Fetches an article page (accept "html") or a feed (accept "feed"). A 304 is passed through when
 * the caller sent If-None-Match or If-Modified-Since; any other status of 400 or more throws
 * http_error. Throws FetchRefused or FetchFailed with a code; never returns a partial body.
 */
export async function safeFetch(url: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const accept = opts.accept ?? "html";
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  const connectTimeoutMs = opts.connectTimeoutMs ?? 5_000;
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: accept === "feed" ? "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8" : "text/html, application/xhtml+xml;q=0.9",
    "accept-encoding": "gzip, deflate, br",
    ...Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const conditional = "if-none-match" in headers || "if-modified-since" in headers;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchRefused("scheme", "That is not a web address.");
  }
  for (let hop = 0; ; hop++) {
    if (current.protocol !== "http:" && current.protocol !== "https:") throw new FetchRefused("scheme", undefined, { url: current.href });
    if (current.username || current.password) current = new URL(current.href.replace(/\/\/[^@/]*@/, "//"));
    const port = Number(current.port) || (current.protocol === "https:" ? 443 : 80);
    const left = deadline - Date.now();
    if (left <= 0) throw new FetchFailed("timeout");
    const addresses = await resolveChecked(current.hostname, port, { resolver: opts.resolver, allowHosts: opts.allowHosts, timeoutMs: left });
    const res = await requestOnce(current, addresses, { maxBytes, connectTimeoutMs, headers, deadline, accept });
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      if (!res.location) throw new FetchFailed("http_error", `The site answered ${res.status} without saying where to go.`, { status: res.status });
      if (hop >= MAX_REDIRECTS) throw new FetchRefused("too_many_redirects", undefined, { url: current.href });
      current = new URL(res.location, current);
      continue;
    }
    if (res.status === 304 && conditional) return { status: 304, finalUrl: current.href, headers: flatHeaders(res.headers), body: "", bytes: 0 };
    if (res.status >= 400 || res.status === 304 || res.status < 200)
      throw new FetchFailed("http_error", `The site answered ${res.status}.`, { status: res.status, url: current.href });
    return {
      status: res.status,
      finalUrl: current.href,
      headers: flatHeaders(res.headers),
      body: decode(res.body, res.headers["content-type"]),
      bytes: res.body.length,
    };
  }
}
