// A generated desk of any size for `npm run bench:api`, built inside Postgres with INSERT … SELECT
// over generate_series: no row crosses the wire, so a million claims load in minutes on 2 cores.
// Shape (deterministic for a given size): events of ten articles from ten different outlets, ten
// claims an article; each claim is suggested against the same-numbered claim of three other
// articles of its event, in both directions (three suggestions a claim, 5% contradictions); about
// 10% of claims carry a verdict with one confirmed link, 3% are assigned, 1% set aside.
// Indexes other than unique ones are dropped for the load and rebuilt once at the end, which is
// far cheaper than maintaining the trigram and full-text GIN indexes row by row.
import type { Db } from "../../lib/db/client";

export const OUTLETS = 40;
export const CLAIMS_PER_ARTICLE = 10;
const MARK = "bench.desk";

const NAMES = [
  "Amadou Diallo",
  "Maria Okafor",
  "John Mensah",
  "Fatima Traore",
  "Ibrahim Keita",
  "Grace Banda",
  "Paul Moreau",
  "Aisha Sow",
  "Peter Njoroge",
  "Hana Mbeki",
  "Oumar Cisse",
  "Lena Fischer",
  "Samuel Osei",
  "Nadia Haddad",
  "Kofi Asante",
  "Elena Rossi",
];
const THINGS = [
  "soldiers",
  "civilians",
  "protesters",
  "officials",
  "students",
  "miners",
  "farmers",
  "journalists",
  "workers",
  "refugees",
  "doctors",
  "police officers",
];
const VERBS = ["killed", "injured", "arrested", "evacuated", "detained", "released", "displaced", "rescued", "interviewed", "employed"];
const CITIES = [
  "Bamako",
  "Niamey",
  "Dakar",
  "Accra",
  "Lagos",
  "Abuja",
  "Nairobi",
  "Kampala",
  "Kinshasa",
  "Tunis",
  "Cairo",
  "Rabat",
  "Ouagadougou",
  "Conakry",
  "Freetown",
  "Monrovia",
  "Lome",
  "Cotonou",
  "Harare",
  "Lusaka",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export type DeskIds = { adminId: string; reviewerIds: string[] };

export async function deskSize(db: Db): Promise<number | null> {
  const row = await db.setting.findUnique({ where: { key: MARK } });
  return row ? Number((row.value as { claims: number }).claims) : null;
}

// Users first (the app's own hashing), then everything else in one transaction on one connection.
export async function loadDesk(db: Db, claims: number, users: DeskIds, log: (m: string) => void = () => undefined): Promise<void> {
  const articles = Math.ceil(claims / CLAIMS_PER_ARTICLE);
  const t0 = performance.now();
  const step = (m: string) => log(`${m} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL maintenance_work_mem = '512MB'`;
      await tx.$executeRaw`SELECT setseed(0.42)`;
      await tx.$executeRaw`CREATE TEMP TABLE bench_index ON COMMIT DROP AS
      SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename IN ('Claim', 'ClaimLink', 'Article') AND indexdef NOT LIKE 'CREATE UNIQUE%'`;
      await tx.$executeRaw`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT indexname FROM bench_index LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP; END $$`;

      await tx.$executeRaw`INSERT INTO "Outlet" (name, domain)
      SELECT format('Bench Outlet %s', lpad(o::text, 2, '0')), format('outlet%s.example', o) FROM generate_series(0, ${OUTLETS - 1}::int) o
      ON CONFLICT (name) DO NOTHING`;
      await tx.$executeRaw`CREATE TEMP TABLE bench_outlet ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY name) - 1)::int AS o, id FROM "Outlet" WHERE name LIKE 'Bench Outlet %'`;

      // The claims' words: claim k of every article of an event states the same fact, each outlet
      // in its own speaker's name; the event's toll differs in one article in twenty.
      await tx.$executeRaw`CREATE TEMP TABLE bench_claim ON COMMIT DROP AS
      SELECT a, k, gen_random_uuid() AS id,
        format('%s said %s %s were %s in %s on %s.',
          (${NAMES}::text[])[1 + (a * 7 + k) % ${NAMES.length}::int],
          10 + ((a / 10) * 13 + k * 7) % 490 + CASE WHEN a % 20 = 7 THEN 3 ELSE 0 END,
          (${THINGS}::text[])[1 + ((a / 10) + k) % ${THINGS.length}::int],
          (${VERBS}::text[])[1 + ((a / 10) * 3 + k) % ${VERBS.length}::int],
          (${CITIES}::text[])[1 + ((a / 10) * 7 + k) % ${CITIES.length}::int],
          (${DAYS}::text[])[1 + ((a / 10) + k * 3) % ${DAYS.length}::int]) AS text,
        random() AS cw, random() AS r
      FROM generate_series(0, ${articles - 1}::int) a CROSS JOIN generate_series(0, ${CLAIMS_PER_ARTICLE - 1}::int) k
      WHERE a * ${CLAIMS_PER_ARTICLE}::int + k < ${claims}::int`;
      await tx.$executeRaw`CREATE TEMP TABLE bench_article ON COMMIT DROP AS
      SELECT a, gen_random_uuid() AS id, string_agg(text, ' ' ORDER BY k) AS text FROM bench_claim GROUP BY a`;
      step(`generated ${claims} claims`);
      await tx.$executeRaw`INSERT INTO "Article" (id, "outletId", title, url, "publishedAt", "rawText", text, "contentHash", matching, "matchedAt", "createdAt")
      SELECT b.id, o.id, format('Event %s report %s', b.a / 10, b.a % 10), format('https://outlet%s.example/%s', o.o, b.a),
        timestamptz '2024-01-01' + make_interval(mins => b.a), b.text, b.text, md5(b.text || b.a), 'DONE', now(), timestamptz '2024-01-01' + make_interval(mins => b.a)
      FROM bench_article b JOIN bench_outlet o ON o.o = ((b.a / 10) + (b.a % 10) * 4) % ${OUTLETS}::int`;
      step(`inserted ${articles} articles`);
      // Offsets: claims are joined by one space, so each starts after the previous claims' lengths.
      await tx.$executeRaw`INSERT INTO "Claim" (id, "articleId", text, start, "end", prefix, suffix, kind, checkworthiness, status, "suggestedVerdict", "setAside", "assigneeId")
      SELECT c.id, b.id, c.text, s.start, s.start + length(c.text),
        substr(b.text, greatest(1, s.start - 39), least(s.start, 40)), substr(b.text, s.start + length(c.text) + 1, 40),
        (ARRAY['STATISTIC', 'EVENT', 'QUOTE', 'OTHER'])[1 + c.k % 4]::"ClaimKind", c.cw,
        (CASE WHEN c.r < 0.05 THEN 'CORROBORATED' WHEN c.r < 0.08 THEN 'SINGLE_SOURCED' WHEN c.r < 0.10 THEN 'CONTRADICTED' ELSE 'UNREVIEWED' END)::"ClaimStatus",
        (CASE WHEN c.a % 20 = 7 THEN 'CONTRADICTED' ELSE 'CORROBORATED' END)::"SuggestedVerdict",
        (CASE WHEN c.r > 0.99 THEN 'VAGUE' END)::"SetAsideReason",
        (CASE WHEN c.r BETWEEN 0.95 AND 0.98 THEN (${users.reviewerIds}::uuid[])[1 + c.k % ${users.reviewerIds.length}::int] END)
      FROM (SELECT *, (sum(length(text) + 1) OVER (PARTITION BY a ORDER BY k) - length(text) - 1)::int AS start FROM bench_claim) s
      JOIN bench_claim c ON c.id = s.id JOIN bench_article b ON b.a = c.a`;
      step("inserted claims");
      // Three other articles of the event: the next, the previous and the one five along.
      await tx.$executeRaw`INSERT INTO "ClaimLink" ("fromClaimId", "toClaimId", relation, state, origin, score, reasons, independent, "confirmedAt", "confirmedById")
      SELECT f.id, t.id,
        (CASE WHEN f.a % 20 = 7 OR t.a % 20 = 7 THEN 'CONTRADICTS' ELSE 'SUPPORTS' END)::"LinkRelation",
        (CASE WHEN f.r < 0.10 AND d.d = 1 THEN 'CONFIRMED' ELSE 'SUGGESTED' END)::"LinkState", 'SUGGESTED',
        0.5 + 0.5 * ((f.a * 31 + t.a * 17 + f.k) % 100) / 100.0, ARRAY['same numbers', 'shared names'], true,
        CASE WHEN f.r < 0.10 AND d.d = 1 THEN now() END, CASE WHEN f.r < 0.10 AND d.d = 1 THEN ${users.adminId}::uuid END
      FROM bench_claim f CROSS JOIN (VALUES (1), (9), (5)) d(d)
      JOIN bench_claim t ON t.a = (f.a / 10) * 10 + (f.a % 10 + d.d) % 10 AND t.k = f.k`;
      step("inserted links");
      await tx.$executeRaw`INSERT INTO "VerdictEvent" ("claimId", "actorId", verdict, previous, rationale, kind)
      SELECT c.id, ${users.adminId}::uuid, c.status, 'UNREVIEWED', 'Generated for the benchmark.', 'VERDICT'
      FROM "Claim" c JOIN bench_claim b ON b.id = c.id WHERE c.status <> 'UNREVIEWED'`;
      await tx.$executeRaw`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT indexdef FROM bench_index LOOP EXECUTE r.indexdef; END LOOP; END $$`;
      await tx.$executeRaw`ALTER INDEX "Claim_search_idx" SET (fastupdate = off)`;
      step("rebuilt indexes");
      await tx.setting.upsert({ where: { key: MARK }, create: { key: MARK, value: { claims } }, update: { value: { claims } } });
    },
    { timeout: 3 * 3600_000, maxWait: 60_000 },
  );
  await db.$executeRaw`VACUUM ANALYZE "Article", "Claim", "ClaimLink", "VerdictEvent"`;
  step("vacuumed and analysed");
}
