// Synthetic news: N articles about M events from K outlets. Each event has facts (who met whom,
// where, when, a death toll, a wheat shipment); outlets retell them in their own words. Some
// articles plant a contradiction (a different death toll) and some are syndicated wire copies.
const FIRST = [
  "Amadou",
  "Fatima",
  "Ivan",
  "Olena",
  "Kwame",
  "Aisha",
  "Pierre",
  "Lucia",
  "Tariq",
  "Mei",
  "Jonas",
  "Nadia",
  "Sergei",
  "Grace",
  "Omar",
  "Ingrid",
  "Kofi",
  "Leila",
  "Marco",
  "Yuki",
  "Samuel",
  "Zara",
  "Dmitri",
  "Ama",
  "Hassan",
  "Elena",
  "Tomas",
  "Nia",
  "Rashid",
  "Sofia",
];
const CITIES = [
  "Bamako",
  "Niamey",
  "Accra",
  "Dakar",
  "Abuja",
  "Nairobi",
  "Ouagadougou",
  "Conakry",
  "Lome",
  "Cotonou",
  "Kampala",
  "Lusaka",
  "Harare",
  "Maputo",
  "Luanda",
  "Kinshasa",
  "Yaounde",
  "Libreville",
  "Bangui",
  "Khartoum",
  "Tripoli",
  "Tunis",
  "Algiers",
  "Rabat",
  "Cairo",
  "Addis Ababa",
  "Asmara",
  "Mogadishu",
  "Kigali",
  "Bujumbura",
];
const REGIONS = ["the Sahel", "the Lake Chad basin", "the Gulf of Guinea", "the Horn of Africa", "the Great Lakes region", "the Maghreb"];
const TOPICS = [
  "security cooperation",
  "grain deliveries",
  "energy projects",
  "mining licences",
  "counterterrorism",
  "debt relief",
  "border disputes",
  "fuel supplies",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export type SyntheticArticle = {
  outlet: string;
  originGroup: string | null;
  wireCredit: string | null;
  publishedAt: Date;
  event: number;
  text: string;
  claims: { text: string; start: number; end: number }[];
  planted: "none" | "contradiction" | "copy";
};

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const pick = <T>(r: () => number, xs: T[]) => xs[Math.floor(r() * xs.length)];

// Real news names ever more people and places as it grows, a few very often and most once or
// twice (Zipf, Heaps): names here are drawn log-uniformly, P(rank k) ∝ 1/k, over large vocabularies
// spelled from syllables, so a larger corpus holds more distinct names rather than the same few
// more often. An earlier version took first names and many towns from lists of thirty and a few
// hundred: at 100,000 articles every one of them was as common as "said" (docs/decisions/031).
const SYL = [
  "ka",
  "lo",
  "mi",
  "ta",
  "ren",
  "so",
  "bu",
  "di",
  "an",
  "ko",
  "ve",
  "ru",
  "sa",
  "ne",
  "zo",
  "li",
  "mar",
  "tu",
  "be",
  "go",
  "ya",
  "fe",
  "no",
  "ri",
  "da",
  "pe",
  "ul",
  "wa",
];
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
// The name of rank k (1-based): a well-known one from the list first, then syllables spelling k.
function spelled(k: number, known: string[] = []): string {
  if (k <= known.length) return known[k - 1];
  let w = "";
  for (let n = k * 7919 + 104729; w.length < 4 || n > 0; n = Math.floor(n / SYL.length)) w += SYL[n % SYL.length];
  return cap(w);
}
const zipf = (r: () => number, vocabulary: number) => Math.min(vocabulary, Math.floor(Math.exp(r() * Math.log(vocabulary + 1))));
const firstName = (r: () => number) => spelled(zipf(r, 20_000), FIRST);
const surname = (r: () => number) => spelled(zipf(r, 500_000));
const town = (r: () => number) => spelled(zipf(r, 100_000), CITIES);

export function outlets(k: number) {
  // Every tenth outlet reprints one of three wire services, so independence has work to do.
  return Array.from({ length: k }, (_, i) => ({ name: `Outlet ${i + 1}`, originGroup: i % 10 === 0 ? `Wire ${(i / 10) % 3}` : null }));
}

function eventFacts(e: number) {
  const r = rng(e * 7919 + 17);
  const date = new Date(Date.UTC(2023, 0, 1) + e * 3 * 86_400_000);
  return {
    a: `${firstName(r)} ${surname(r)}`,
    b: `${firstName(r)} ${surname(r)}`,
    city: town(r),
    city2: `${spelled(zipf(r, 100_000))}burg`,
    region: pick(r, REGIONS),
    topic: pick(r, TOPICS),
    toll: 10 + Math.floor(r() * 190),
    tonnes: 1000 * (2 + Math.floor(r() * 40)),
    date,
  };
}

function sentences(e: number, variant: number, toll: number): string[] {
  const f = eventFacts(e);
  const when = `${DAYS[f.date.getUTCDay()]}, ${MONTHS[f.date.getUTCMonth()]} ${f.date.getUTCDate()}`;
  const v = variant % 2;
  return [
    v
      ? `${f.a} held talks with ${f.b} in ${f.city} on ${when}, officials said.`
      : `${f.b} and ${f.a} met in ${f.city} on ${when}, according to a government statement.`,
    v
      ? `The two leaders discussed ${f.topic} and agreed to expand cooperation, the foreign ministry said.`
      : `Their talks focused on ${f.topic}, and both sides pledged closer cooperation, the ministry said.`,
    v
      ? `At least ${toll} people were killed in attacks near ${f.city} in ${f.region} last week, local authorities said.`
      : `Local authorities said ${toll} people died in attacks around ${f.city}, in ${f.region}, last week.`,
    v
      ? `${f.b} said ${f.tonnes.toLocaleString("en-US")} tonnes of wheat would arrive in ${f.city2} by ${MONTHS[(f.date.getUTCMonth() + 2) % 12]}.`
      : `A shipment of ${f.tonnes.toLocaleString("en-US")} tonnes of wheat is due in ${f.city2} by ${MONTHS[(f.date.getUTCMonth() + 2) % 12]}, ${f.b} said.`,
    `Analysts in ${f.city} said the meeting could shift the balance of influence in ${f.region} over the coming months.`,
    `Opposition groups criticised the talks, saying ${f.topic} should be debated in parliament first.`,
  ];
}

function assemble(parts: string[]) {
  let text = "";
  const claims = parts.map((s) => {
    if (text) text += "\n\n";
    const start = text.length;
    text += s;
    return { text: s, start, end: text.length };
  });
  return { text, claims };
}

// Article i of a corpus: deterministic, so every run and every size sees the same articles. By
// default ten consecutive articles tell one event, so the number of events grows with the corpus.
export function article(i: number, opts: { outlets: number; event?: number }): SyntheticArticle {
  const r = rng(i * 104729 + 3);
  const os = outlets(opts.outlets);
  const event = opts.event ?? Math.floor(i / 10);
  const o = os[Math.floor(r() * os.length)];
  const f = eventFacts(event);
  const roll = r();
  const planted = roll < 0.05 ? "contradiction" : roll < 0.1 ? "copy" : "none";
  const toll = planted === "contradiction" ? f.toll + 7 + Math.floor(r() * 40) : f.toll;
  const variant = planted === "copy" ? 1 : Math.floor(r() * 2);
  const parts = sentences(event, variant, toll);
  parts.push(`This report, number ${i}, was filed from ${pick(r, CITIES)} by our correspondent.`);
  const { text, claims } = assemble(parts);
  return {
    outlet: planted === "copy" ? os[((event % 3) * 10) % os.length].name : o.name,
    originGroup: planted === "copy" ? os[((event % 3) * 10) % os.length].originGroup : o.originGroup,
    wireCredit: planted === "copy" ? "(Reporting by the wire desk)" : null,
    publishedAt: new Date(f.date.getTime() + 86_400_000),
    event,
    text,
    claims,
    planted,
  };
}

export type RealArticle = { outlet: string; text: string; publishedAt: Date; source: string };

// Real article bodies (a CSV with an id and a body column, as FNC-1's bodies.csv) spread over K
// outlets in file order. The bodies carry no date: they are given one every six hours, so that
// dates in the text resolve against a plausible publication time.
export function realArticles(records: Record<string, string>[], opts: { articles: number; outlets: number }): RealArticle[] {
  const cols = Object.keys(records[0] ?? {});
  const isId = (c: string) => /\bid\b/i.test(c);
  const body = cols.find((c) => /body|text/i.test(c) && !isId(c));
  const id = cols.find(isId) ?? body;
  if (!body || !id) throw new Error(`expected a body column, found: ${cols.join(", ")}`);
  const base = Date.UTC(2015, 0, 1);
  return records
    .filter((r) => r[body].trim())
    .slice(0, opts.articles)
    .map((r, i) => ({ outlet: `Outlet ${(i % opts.outlets) + 1}`, text: r[body], publishedAt: new Date(base + i * 6 * 3_600_000), source: r[id] }));
}
