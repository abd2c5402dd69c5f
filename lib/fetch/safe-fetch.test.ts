import { describe, it, expect, beforeAll } from "vitest";
import zlib from "node:zlib";
import {
  safeFetch,
  FetchError,
  FetchRefused,
  FetchFailed,
  parseAllowHosts,
  pinnedLookup,
  resolveChecked,
  type Resolver,
  type SafeFetchOptions,
} from "./safe-fetch";
import { fixtureServer } from "../../tests/fixture-server";

// Fixture server on this helper's port; 3241 has nothing listening.
const PORT = 3240;
const allowHosts = parseAllowHosts(`127.0.0.1:${PORT},127.0.0.1:3241`);
const base = `http://127.0.0.1:${PORT}`;
const page = "<!doctype html><html><head><title>T</title></head><body><p>Hello.</p></body></html>";

let routes: Awaited<ReturnType<typeof fixtureServer>>["routes"];
beforeAll(async () => {
  const s = await fixtureServer(PORT);
  routes = s.routes;
  Object.assign(routes, {
    "/ok": s.html(page),
    "/latin1": (_q, r) => r.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" }).end(Buffer.from("<p>caf\xe9</p>", "latin1")),
    "/json": (_q, r) => r.writeHead(200, { "content-type": "application/json" }).end("{}"),
    "/feed": (_q, r) => r.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss/>"),
    "/big-declared": (_q, r) => r.writeHead(200, { "content-type": "text/html", "content-length": "2000" }).end("x".repeat(2000)),
    "/big-chunked": (_q, r) => {
      r.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 20; i++) r.write("y".repeat(100));
      r.end();
    },
    "/bomb": (_q, r) => r.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(zlib.gzipSync("z".repeat(100_000))),
    "/gzip": (_q, r) => r.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(zlib.gzipSync(page)),
    "/slow-head": (_q, r) => void setTimeout(() => r.writeHead(200, { "content-type": "text/html" }).end(page), 3000),
    "/slow-body": (_q, r) => {
      r.writeHead(200, { "content-type": "text/html" });
      r.write("<p>");
      setTimeout(() => r.end("late</p>"), 3000);
    },
    "/404": (_q, r) => r.writeHead(404, { "content-type": "text/html" }).end("gone"),
    "/500": (_q, r) => r.writeHead(500, { "content-type": "text/html" }).end("oops"),
    "/etag": (q, r) =>
      q.headers["if-none-match"] === '"v1"'
        ? r.writeHead(304, { etag: '"v1"' }).end()
        : r.writeHead(200, { "content-type": "text/html", etag: '"v1"' }).end(page),
    "/to-private": (_q, r) => r.writeHead(302, { location: "http://10.0.0.1/admin" }).end(),
    "/to-metadata": (_q, r) => r.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-localhost": (_q, r) => r.writeHead(302, { location: "http://localhost:3299/ok" }).end(),
    "/to-file": (_q, r) => r.writeHead(302, { location: "file:///etc/passwd" }).end(),
    "/no-location": (_q, r) => r.writeHead(302).end(),
    "/r1": (_q, r) => r.writeHead(302, { location: "/r2" }).end(),
    "/r2": (_q, r) => r.writeHead(302, { location: "/r3" }).end(),
    "/r3": (_q, r) => r.writeHead(302, { location: "/ok" }).end(),
    "/r0": (_q, r) => r.writeHead(302, { location: "/r1" }).end(),
    "/host": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(`<p>${q.headers.host}</p>`),
  } satisfies typeof routes);
});

const f = (path: string, opts: SafeFetchOptions = {}) =>
  safeFetch(path.startsWith("http") || path.includes(":") ? path : `${base}${path}`, { allowHosts, ...opts });
async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FetchError);
  return e as FetchError;
}

describe("safeFetch succeeds", () => {
  it("fetches an allowed fixture page", async () => {
    const res = await f("/ok");
    expect(res).toMatchObject({ status: 200, finalUrl: `${base}/ok`, body: page, bytes: page.length });
    expect(res.headers["content-type"]).toContain("text/html");
  });
  it("decodes the declared charset and gzip", async () => {
    expect((await f("/latin1")).body).toBe("<p>café</p>");
    expect((await f("/gzip")).body).toBe(page);
  });
  it("follows up to 3 redirects and reports the final address", async () => {
    expect((await f("/r1")).finalUrl).toBe(`${base}/ok`);
  });
  it("passes a 304 through when the request was conditional", async () => {
    const first = await f("/etag");
    const again = await f("/etag", { headers: { "If-None-Match": first.headers.etag } });
    expect(again).toMatchObject({ status: 304, body: "", bytes: 0 });
  });
  it("accepts feeds only when asked for a feed", async () => {
    expect((await f("/feed", { accept: "feed" })).body).toBe("<rss/>");
  });
  it("connects to the address it checked, not to whatever DNS says at connect time", async () => {
    // fixture.test does not resolve on this machine: only the pinned, checked address can be used.
    let calls = 0;
    const resolver: Resolver = async () => (calls++, [{ address: "127.0.0.1", family: 4 }]);
    const res = await safeFetch(`http://fixture.test:${PORT}/host`, { allowHosts, resolver });
    expect(res.body).toBe(`<p>fixture.test:${PORT}</p>`);
    expect(calls).toBe(1);
  });
});

describe("safeFetch refuses", () => {
  it.each(["ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<p>x</p>", "gopher://x/"])("the scheme of %s", async (url) => {
    const e = await refusal(safeFetch(url));
    expect(e).toBeInstanceOf(FetchRefused);
    expect(e.code).toBe("scheme");
  });
  it("a fixture host when the allow-list is off (the default)", async () => {
    const e = await refusal(safeFetch(`${base}/ok`, { allowHosts: new Set() }));
    expect([e.code, e.detail.kind]).toEqual(["private_address", "loopback"]);
  });
  it.each([
    ["http://127.0.0.1:3299/", "loopback"],
    ["http://10.0.0.1/", "private"],
    ["http://192.168.0.1/", "private"],
    ["http://172.16.5.5/", "private"],
    ["http://169.254.169.254/latest/meta-data/", "metadata"],
    ["http://169.254.1.1/", "link_local"],
    ["http://100.64.0.1/", "cgnat"],
    ["http://0.0.0.0:3240/", "unspecified"],
    ["http://[::1]:3240/", "loopback"],
    ["http://[::ffff:127.0.0.1]:3240/", "loopback"],
    ["http://[fd00:ec2::254]/", "metadata"],
    ["http://[fe80::1]/", "link_local"],
    ["http://[fc00::1]/", "unique_local"],
    ["http://224.0.0.1/", "multicast"],
    ["http://2130706433/", "loopback"],
    ["http://0x7f.1/", "loopback"],
  ])("the private address %s (%s)", async (url, kind) => {
    const e = await refusal(f(url));
    expect([e.code, e.detail.kind]).toEqual(["private_address", kind]);
  });
  it("localhost, a name that resolves to loopback, on a port not allowed", async () => {
    const e = await refusal(f("http://localhost:3299/"));
    expect(e.code).toBe("private_address");
  });
  it.each([
    ["metadata.example", [{ address: "169.254.169.254", family: 4 }], "metadata"],
    ["intranet.example", [{ address: "10.0.0.7", family: 4 }], "private"],
    ["v6.example", [{ address: "fd00::1", family: 6 }], "unique_local"],
    ["mapped.example", [{ address: "::ffff:192.168.1.1", family: 6 }], "private"],
    // One private address among public ones refuses the name: a rebinding DNS answers either.
    [
      "mixed.example",
      [
        { address: "93.184.215.14", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ],
      "loopback",
    ],
  ])("a DNS name resolving to private addresses (%s)", async (host, addrs, kind) => {
    const e = await refusal(safeFetch(`http://${host}/`, { resolver: async () => addrs }));
    expect([e.code, e.detail.kind]).toEqual(["private_address", kind]);
  });
  it.each([
    ["/to-private", "private"],
    ["/to-metadata", "metadata"],
    ["/to-localhost", "loopback"],
  ])("a redirect (%s) to a private address", async (path, kind) => {
    const e = await refusal(f(path));
    expect([e.code, e.detail.kind]).toEqual(["private_address", kind]);
  });
  it("a redirect to another scheme", async () => {
    expect((await refusal(f("/to-file"))).code).toBe("scheme");
  });
  it("a fourth redirect", async () => {
    const e = await refusal(f("/r0"));
    expect(e).toBeInstanceOf(FetchRefused);
    expect(e.code).toBe("too_many_redirects");
  });
  it("a redirect without a location", async () => {
    expect((await refusal(f("/no-location"))).code).toBe("http_error");
  });
  it("pages over the size limit, declared, streamed or compressed", async () => {
    for (const p of ["/big-declared", "/big-chunked", "/bomb"]) expect((await refusal(f(p, { maxBytes: 1000 }))).code).toBe("too_large");
  });
  it("content that is not HTML, and HTML when a feed was asked for", async () => {
    expect((await refusal(f("/json"))).code).toBe("not_html");
    expect((await refusal(f("/feed"))).code).toBe("not_html");
    expect((await refusal(f("/ok", { accept: "feed" }))).code).toBe("not_feed");
  });
  it("a page slower than the total timeout, in its headers or its body", async () => {
    for (const p of ["/slow-head", "/slow-body"]) {
      const e = await refusal(f(p, { timeoutMs: 500 }));
      expect(e).toBeInstanceOf(FetchFailed);
      expect(e.code).toBe("timeout");
    }
  });
  it("a DNS lookup slower than the timeout", async () => {
    const never: Resolver = () => new Promise(() => undefined);
    expect((await refusal(safeFetch("http://slow.example/", { resolver: never, timeoutMs: 300 }))).code).toBe("timeout");
  });
  it("a port with nothing listening, and a name that does not resolve", async () => {
    expect((await refusal(f("http://127.0.0.1:3241/"))).code).toBe("unreachable");
    const nx: Resolver = async () => Promise.reject(Object.assign(new Error("nx"), { code: "ENOTFOUND" }));
    expect((await refusal(safeFetch("http://nowhere.example/", { resolver: nx }))).code).toBe("unreachable");
  });
  it("error statuses, and a 304 nobody asked for", async () => {
    expect((await refusal(f("/404"))).detail.status).toBe(404);
    expect((await refusal(f("/500"))).code).toBe("http_error");
  });
});

describe("the lookup hook", () => {
  it("checks every address an injected resolver gives and pins the socket to them", async () => {
    const addrs = await resolveChecked("news.example", 443, {
      resolver: async () => [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:2800::1", family: 6 },
      ],
      allowHosts: new Set(),
    });
    const lookup = pinnedLookup(addrs);
    const ask = (opts: object) =>
      new Promise<unknown[]>((r) => (lookup as unknown as (h: string, o: object, cb: (...a: unknown[]) => void) => void)("evil.example", opts, (...a) => r(a)));
    expect(await ask({})).toEqual([null, "93.184.215.14", 4]);
    expect(await ask({ family: 6 })).toEqual([null, "2606:2800::1", 6]);
    expect(await ask({ all: true })).toEqual([null, addrs]);
  });
  it("allows only the exact address and port listed", async () => {
    const allow = parseAllowHosts(" 127.0.0.1:3240 , [::1]:3240 ");
    await expect(resolveChecked("127.0.0.1", 3240, { allowHosts: allow })).resolves.toHaveLength(1);
    await expect(resolveChecked("::1", 3240, { allowHosts: allow })).resolves.toHaveLength(1);
    await expect(resolveChecked("127.0.0.1", 3241, { allowHosts: allow })).rejects.toMatchObject({ code: "private_address" });
    expect(parseAllowHosts(undefined).size).toBe(0);
  });
});
