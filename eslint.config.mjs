// ESLint flat config: TypeScript, and the rules that keep the layers (CONTRIBUTING.md).
// `npm run lint`, and the first step of `npm test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const PURE = [
  "lib/extract/**/*.ts",
  "lib/match/pair/**/*.ts",
  "lib/match/numbers.ts",
  "lib/match/text.ts",
  "lib/match/independence.ts",
  "lib/match/verdict.ts",
  "lib/verdicts/rules.ts",
];
const DOMAIN = [
  "articles",
  "audit",
  "claims",
  "dashboard",
  "exports",
  "extract",
  "links",
  "match",
  "outlets",
  "publishing",
  "queue",
  "settings",
  "stories",
  "text",
  "tokens",
  "users",
  "verdicts",
];
const NO_PG = { name: "pg", message: "Query through lib/db/sql (sql`…`) or Prisma; pg is used only inside lib/db (docs/decisions/028)." };
// Only these may read process.env: the one parser, and harnesses that build a child's environment.
const ENV_READERS = ["lib/env.ts", "tests/**", "eval/**", "**/*.test.ts", "e2e/**", "*.config.ts", "*.config.mjs", "*.config.js"];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "test-results/**", ".scratch/**", ".data/**", "next-env.d.ts", "scripts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      // Without these, import-x cannot read TypeScript modules and so sees no cycle among them.
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through env() from lib/env.ts." }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ never imports app/." },
            { target: "./lib", from: "./eval", message: "lib/ ships; eval/ (evaluation, fitting, benchmarks) is never imported by it." },
            { target: "./lib", from: "./tests", message: "lib/ ships; tests/ (test scaffolding) is only imported by tests." },
            ...DOMAIN.map((d) => ({
              target: `./lib/${d}`,
              from: "./lib/http",
              message: "Domain code throws DomainError (lib/errors.ts), never lib/http's errors.",
            })),
            { target: "./app", from: "./lib/db/generated", message: "Pages and routes reach data through lib/<domain>, never Prisma." },
          ],
        },
      ],
    },
  },
  {
    // Raw SQL goes through Prisma's tagged templates or lib/db/sql's (docs/decisions/028), never `pg`
    // directly: only lib/db and the test scaffolding that creates databases hold a pg client.
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    ignores: ["lib/db/**", "tests/**", "lib/cli/prepare.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [NO_PG] }],
    },
  },
  {
    files: PURE,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NO_PG],
          patterns: [
            { group: ["**/db/*", "**/db/**", "@prisma/*", "@/lib/db/*"], message: "Pure modules import no Prisma or database code." },
            { group: ["next", "next/*", "next-auth", "next-auth/*", "server-only", "react", "react/*"], message: "Pure modules import no Next or React." },
          ],
        },
      ],
    },
  },
  { files: ENV_READERS, rules: { "no-restricted-properties": "off" } },
  // Tests may import eval/ and tests/, and read JSON bodies without declaring their types.
  { files: ["**/*.test.ts"], rules: { "import-x/no-restricted-paths": "off", "@typescript-eslint/no-explicit-any": "off" } },
);
