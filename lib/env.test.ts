import { describe, it, expect } from "vitest";
import { parseEnv, EnvError } from "./env";

describe("the environment", () => {
  it("fills in defaults and reads empty values as unset", () => {
    const e = parseEnv({ PORT: "", DATABASE_URL: "", DB_POOL_SIZE: "4", TRUST_PROXY: "2" });
    expect(e).toMatchObject({ PORT: 3000, DATA_DIR: ".data", DB_POOL_SIZE: 4, TRUST_PROXY: 2, NODE_ENV: "production" });
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
    };
    let message = "";
    try {
      parseEnv(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      message = (e as Error).message;
    }
    for (const name of ["PORT", "DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "SEED_DEMO", "DB_POOL_SIZE"]) expect(message).toContain(`${name}:`);
    expect(message).toContain('"80a"');
    expect(message).not.toMatch(/hunter22|short"/);
  });
});
