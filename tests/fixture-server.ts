import http from "node:http";
import { afterAll } from "vitest";

export type FixtureHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * A local HTTP server for fetcher tests, on a port of the caller's range. Routes are mutable so a
 * test can change a page between two fetches. Closed when the file ends.
 */
export async function fixtureServer(port: number, routes: Record<string, FixtureHandler> = {}) {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  afterAll(
    () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  );
  return {
    routes,
    base: `http://127.0.0.1:${port}`,
    html:
      (body: string, extra: Record<string, string> = {}): FixtureHandler =>
      (_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...extra }).end(body);
      },
  };
}
