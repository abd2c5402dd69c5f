import fs from "node:fs";

// A small reader for the subset of Prisma schema language this project uses. It exists because the
// schema engine (which could diff schema and database) cannot be installed here: docs/decisions/002.

export type ExpectedColumn = { name: string; udt: string; nullable: boolean; default: string | null; precision?: number };
export type ExpectedTable = { name: string; columns: ExpectedColumn[]; indexes: string[]; foreignKeys: string[] };

const SCALARS: Record<string, string> = {
  String: "text",
  Int: "int4",
  Float: "float8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  BigInt: "int8",
};
const NATIVE: Record<string, string> = { Uuid: "uuid", Citext: "citext", Timestamptz: "timestamptz", Text: "text" };

function blocks(src: string, keyword: string): [string, string[]][] {
  const re = new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{([^}]*)\\}`, "gm");
  return [...src.matchAll(re)].map((m) => [
    m[1],
    m[2]
      .split("\n")
      .map((l) => l.replace(/\/\/.*$/, "").trim())
      .filter(Boolean),
  ]);
}

// Splits "a, b(sort: Desc), c(ops: raw(\"x\"))" at top-level commas only.
function splitTop(list: string): string[] {
  const out: string[] = [];
  let depth = 0,
    cur = "";
  for (const ch of list) {
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    cur += ch;
  }
  return [...out, cur];
}

// One index column as the introspection spells it: name, then a non-default operator class, then DESC.
function cols(list: string): string[] {
  return splitTop(list).map((c) => {
    const m = c.trim().match(/^(\w+)(?:\((.*)\))?$/);
    if (!m) throw new Error(`cannot read index column ${c}`);
    const args = m[2] ?? "";
    const rest = args
      .replace(/sort:\s*(Asc|Desc)/, "")
      .replace(/ops:\s*raw\("\w+"\)/, "")
      .replace(/[\s,]/g, "");
    if (rest) throw new Error(`unsupported index column arguments: ${c}`);
    const ops = args.match(/ops:\s*raw\("(\w+)"\)/);
    return `${m[1]}${ops ? ` ${ops[1]}` : ""}${/sort:\s*Desc/.test(args) ? " DESC" : ""}`;
  });
}

// The index method as the introspection appends it; B-tree, Postgres' default, is left unsaid.
// An index's method and, for a partial index (preview feature partialIndexes), its predicate, spelled
// as Postgres prints them: `where: raw("\"x\" IS NOT NULL")` is ` where ("x" IS NOT NULL)`.
function method(args: string): string {
  const rest = args.replace(/^\s*,?/, "").trim();
  if (!rest) return "";
  const m = rest.match(/^(?:type:\s*(\w+))?\s*,?\s*(?:where:\s*raw\("((?:[^"\\]|\\.)*)"\))?$/);
  if (!m || (!m[1] && !m[2])) throw new Error(`unsupported index arguments: ${args}`);
  const using = !m[1] || m[1] === "BTree" ? "" : ` using ${m[1].toLowerCase()}`;
  return using + (m[2] ? ` where (${m[2].replace(/\\(.)/g, "$1")})` : "");
}

export function normalizeDefault(raw: string): string {
  const fn = raw.match(/^dbgenerated\("(.*)"\)$/);
  if (fn) return fn[1];
  if (raw === "now()") return "now()";
  if (raw === "autoincrement()") return "autoincrement()";
  if (raw === "[]") return "[]";
  const str = raw.match(/^"(.*)"$/);
  if (str) return str[1];
  return raw;
}

export function readSchema(file: string): { enums: Record<string, string[]>; tables: ExpectedTable[] } {
  const src = fs.readFileSync(file, "utf8");
  const enums = Object.fromEntries(blocks(src, "enum").map(([name, lines]) => [name, lines]));
  const models = blocks(src, "model");
  const modelNames = new Set(models.map(([n]) => n));
  const tables = models.map(([name, lines]) => {
    const t: ExpectedTable = { name, columns: [], indexes: [], foreignKeys: [] };
    for (const line of lines) {
      if (line.startsWith("@@")) {
        const m = line.match(/^@@(index|unique|id)\(\[(.*?)\](.*)\)$/);
        if (!m) throw new Error(`unsupported block attribute: ${line}`);
        t.indexes.push(`${m[1] === "id" ? "pk" : m[1]}(${cols(m[2]).join(",")})${method(m[3])}`);
        continue;
      }
      const m = line.match(/^(\w+)\s+(Unsupported\("(\w+)"\)|\w+)(\[\]|\?)?\s*(.*)$/);
      if (!m) throw new Error(`cannot read field: ${line}`);
      const [, field, type, unsupported, mod, attrs] = m;
      if (modelNames.has(type)) {
        const rel = attrs.match(/fields:\s*\[(\w+)\],\s*references:\s*\[(\w+)\](?:,\s*onDelete:\s*(\w+))?/);
        if (rel) t.foreignKeys.push(`${rel[1]}->${type}.${rel[2]} on delete ${(rel[3] ?? "Restrict").toLowerCase()}`);
        continue;
      }
      const native = attrs.match(/@db\.(\w+)(?:\((\d+)\))?/);
      let udt = unsupported ?? (native ? NATIVE[native[1]] : (SCALARS[type] ?? (enums[type] ? type : undefined)));
      if (!udt) throw new Error(`unknown type ${type} on ${name}.${field}`);
      if (mod === "[]") udt = `_${udt}`;
      const def = attrs.match(/@default\(((?:[^()]|\([^()]*\)|\("[^"]*"\))*)\)/);
      let expected = def ? normalizeDefault(def[1]) : null;
      // Postgres cannot compute a DEFAULT from another column, and Prisma's own introspection renders a
      // stored generated column as an Unsupported field with a dbgenerated default: expect exactly that.
      if (unsupported && def && /^dbgenerated\(/.test(def[1])) expected = `GENERATED ALWAYS AS (${expected}) STORED`;
      t.columns.push({
        name: field,
        udt,
        nullable: mod === "?" || mod === "[]",
        default: expected,
        precision: native?.[2] ? Number(native[2]) : type === "DateTime" ? 3 : undefined,
      });
      if (/@id\b/.test(attrs)) t.indexes.push(`pk(${field})`);
      if (/@unique\b/.test(attrs)) t.indexes.push(`unique(${field})`);
    }
    return t;
  });
  return { enums, tables };
}
