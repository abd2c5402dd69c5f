import { describe, it, expect } from "vitest";
import { parseEnv, EnvError } from "./env";
import { nextServerArgs } from "./cli/next-server";

describe("the environment", () => {
  it("fills in defaults and reads empty values as unset", () => {
    const e = parseEnv({ PORT: "", DATABASE_URL: "", DB_POOL_SIZE: "4", TRUST_PROXY: "2" });
    expect(e).toMatchObject({ PORT: 3000, DATA_DIR: ".data", DB_POOL_SIZE: 4, TRUST_PROXY: 2, NODE_ENV: "production", SERVER_HEAP_MB: 256 });
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it("refuses bad values with one message naming each, never echoing a secret or a database URL", () => {
    const bad = {
      PORT: "80a",
      DATABASE_URL: "mysql://u:hunter22@db/x",
      NEXTAUTH_SECRET: "short",
      NEXTAUTH_URL: "ftp://x",
      SEED_DEMO: "yes",
      DB_POOL_SIZE: "0",
      SERVER_HEAP_MB: "32",
    };
    let message = "";
    try {
      parseEnv(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      message = (e as Error).message;
    }
    for (const name of ["PORT", "DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "SEED_DEMO", "DB_POOL_SIZE", "SERVER_HEAP_MB"])
      expect(message).toContain(`${name}:`);
    expect(message).toContain('"80a"');
    expect(message).not.toMatch(/hunter22|short"/);
  });

  it("bounds the production server's heap by SERVER_HEAP_MB, and leaves next dev alone", () => {
    const start = nextServerArgs("start", 3000, parseEnv({ SERVER_HEAP_MB: "384" }));
    expect(start[0]).toBe("--max-old-space-size=384");
    expect(start.slice(2)).toEqual(["start", "-p", "3000"]);
    expect(nextServerArgs("start", 3000, parseEnv({}))[0]).toBe("--max-old-space-size=256");
    expect(nextServerArgs("dev", 3000, parseEnv({})).some((a) => a.startsWith("--max-old-space-size"))).toBe(false);
  });
});
