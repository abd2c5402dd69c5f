import type pg from "pg";

export type ActualTable = {
  columns: { name: string; udt: string; nullable: boolean; default: string | null; precision: number | null }[];
  indexes: string[];
  foreignKeys: string[];
};

// Turns Postgres' rendering of a default back into the schema's spelling, so the two compare.
export function dbDefault(raw: string | null): string | null {
  if (raw === null) return null;
  if (raw === "CURRENT_TIMESTAMP") return "now()";
  if (raw.startsWith("nextval(")) return "autoincrement()";
  if (/^ARRAY\[\]::/.test(raw)) return "[]";
  const lit = raw.match(/^'(.*)'::[\w" ]+$/);
  if (lit) return lit[1].replace(/''/g, "'");
  return raw;
}

export async function readDatabase(client: pg.Client) {
  const cols = await client.query(`
    select table_name, column_name, udt_name, is_nullable, column_default, datetime_precision, is_generated, generation_expression
    from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`);
  const idx = await client.query(`
    select t.relname as table_name, i.indisprimary as pk, i.indisunique as uniq, am.amname as method,
      pg_get_expr(i.indpred, i.indrelid) as predicate,
      array_agg(
        coalesce(a.attname::text, '(' || pg_get_indexdef(i.indexrelid, k.n::int, true) || ')')
        || case when opc.opcdefault then '' else ' ' || opc.opcname end
        || case when (i.indoption[k.n - 1] & 1) = 1 then ' DESC' else '' end
        order by k.n) as cols
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_class ic on ic.oid = i.indexrelid
    join pg_am am on am.oid = ic.relam
    join pg_namespace ns on ns.oid = t.relnamespace and ns.nspname = 'public'
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, n)
    join pg_opclass opc on opc.oid = i.indclass[k.n - 1]
    left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum and k.attnum <> 0
    where t.relname <> '_prisma_migrations'
    group by t.relname, i.indexrelid, i.indisprimary, i.indisunique, am.amname, i.indpred, i.indrelid`);
  const fks = await client.query(`
    select c.conrelid::regclass::text as table_name, a.attname as col, c.confrelid::regclass::text as ref,
      fa.attname as refcol, c.confdeltype as del
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[1]
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
  const enumRows = await client.query(`
    select t.typname, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
    from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`);

  const tables: Record<string, ActualTable> = {};
  const table = (n: string) => (tables[n] ??= { columns: [], indexes: [], foreignKeys: [] });
  for (const r of cols.rows)
    table(r.table_name).columns.push({
      name: r.column_name,
      udt: r.udt_name,
      nullable: r.is_nullable === "YES",
      precision: r.datetime_precision,
      // A generated column has no DEFAULT; spelling its expression this way keeps the two from passing for each other.
      default: r.is_generated === "ALWAYS" ? `GENERATED ALWAYS AS (${r.generation_expression}) STORED` : r.column_default,
    });
  // Expression columns, partial indexes and non-B-tree methods all show, so none slips past the comparison.
  for (const r of idx.rows)
    table(r.table_name).indexes.push(
      `${r.pk ? "pk" : r.uniq ? "unique" : "index"}(${r.cols.join(",")})${r.method === "btree" ? "" : ` using ${r.method}`}${r.predicate ? ` where ${r.predicate}` : ""}`,
    );
  const del: Record<string, string> = { a: "noaction", r: "restrict", c: "cascade", n: "setnull", d: "setdefault" };
  for (const r of fks.rows) table(r.table_name.replace(/"/g, "")).foreignKeys.push(`${r.col}->${r.ref.replace(/"/g, "")}.${r.refcol} on delete ${del[r.del]}`);
  const enums = Object.fromEntries(enumRows.rows.map((r) => [r.typname, r.labels]));
  return { tables, enums };
}
