import { cleanArticle, isProse, parseDay, WIRE_AGENCY } from "./clean";

// What an article says about itself: its title, publication day, address and outlet. Pure and
// DOM-free, so the import form runs it in the browser to show each file's metadata before import,
// and the import mutation runs it again on the server for whatever the admin left blank.

export type TitleSource = "headline" | "og:title" | "h1" | "title" | "lede";
export type DetectedMetadata = {
  title: string | null;
  titleSource: TitleSource | null;
  publishedAt: string | null; // YYYY-MM-DD, the day as the outlet wrote it
  url: string | null;
  outlet: string | null; // a known outlet's name, else the page's own site name
  outletKnown: boolean;
};
export type KnownOutlet = { name: string; domain: string | null };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MON_RE = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
// "BAMAKO, Aug 17 (Reuters) -": a wire dateline names the day but rarely the year.
const DATELINE_RE = new RegExp(`^\\p{Lu}[\\p{Lu} .'-]+(?:,\\s*[\\p{L} .'-]+)?,\\s*${MON_RE}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\s*\\((?:${WIRE_AGENCY})\\)`, "u");
const FULL_DATE_RE = new RegExp(`\\b${MON_RE}\\s+\\d{1,2},?\\s+((?:19|20)\\d{2})\\b`, "g");
const ISO_DAY_RE = /^(\d{4}-\d{2}-\d{2})/;
const TITLE_MAX = 300;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(+d))
    .replace(/&([a-z]+);/gi, (m, n) => ENTITIES[n.toLowerCase()] ?? m);
}
const squash = (s: string) =>
  decode(s.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) out[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

export function looksLikeHtml(source: string): boolean {
  return /<(?:!doctype html|html|head|body|meta|article|p)\b/i.test(source.slice(0, 5000));
}

// The <head> facts Open Graph and article markup carry, read with patterns rather than a DOM so the
// browser and the server read them alike.
export function htmlFacts(html: string) {
  const meta = new Map<string, string>();
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const key = (a.property ?? a.name ?? a.itemprop ?? "").toLowerCase();
    if (key && a.content && !meta.has(key)) meta.set(key, a.content.trim());
  }
  const canonical = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => attributes(m[0])).find((a) => /\bcanonical\b/i.test(a.rel ?? ""))?.href;
  const time = [...html.matchAll(/<time\b[^>]*>/gi)].map((m) => attributes(m[0]).datetime).find(Boolean);
  const h1 = html.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i)?.[1];
  const title = html.match(/<title\b[^>]*>([\s\S]*?)<\/title>/i)?.[1];
  return {
    ogTitle: meta.get("og:title") ?? null,
    h1: h1 ? squash(h1) || null : null,
    title: title ? squash(title) || null : null,
    url: meta.get("og:url") ?? canonical ?? null,
    siteName: meta.get("og:site_name") ?? null,
    published: meta.get("article:published_time") ?? meta.get("datepublished") ?? time ?? null,
  };
}

// A headline is a short line that starts with a capital and does not end like a sentence.
export function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 3 && words <= 20 && line.length <= 160 && /^["“‘']?[A-Z0-9]/.test(line) && !/[.!?,;:]["”’')]*$/.test(line) && !/©|\|/.test(line);
}

// The headline stands at the top, before or just after the lede: look no further than the second
// paragraph of prose.
export function headlineOf(cleanedText: string): string | null {
  let prose = 0;
  for (const block of cleanedText.split(/\n\s*\n/)) {
    const line = block.replace(/^#{1,6}\s+/, "").trim();
    if (isProse(line) && ++prose >= 2) return null;
    if (isHeadline(line)) return line;
  }
  return null;
}

// Without a headline, the lede's first sentence, cut at a word, names the article better than "Untitled".
export function ledeTitle(cleanedText: string, max = 90): string | null {
  const first = cleanedText.split(/\n\s*\n/).find((b) => isProse(b.trim()));
  if (!first) return null;
  const sentence = first.trim().match(/^.+?[.!?]["”’)]*(?=\s|$)/)?.[0] ?? first.trim();
  if (sentence.length <= max) return sentence.replace(/[.]$/, "");
  return `${sentence.slice(0, max).replace(/\s+\S*$/, "")}…`;
}

// The year a dateline leaves out is the latest year the article writes in full, else the year of
// the reference day; a date that would lie ahead of the reference day belongs to the year before.
export function datelineDay(text: string, now: Date): string | null {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 40);
  for (const line of lines) {
    const m = line.match(DATELINE_RE);
    if (!m) continue;
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase());
    const day = +m[2];
    let year = m[3] ? +m[3] : NaN;
    if (Number.isNaN(year)) {
      const years = [...text.matchAll(FULL_DATE_RE)].map((y) => +y[2]).filter((y) => y <= now.getUTCFullYear());
      year = years.length ? Math.max(...years) : now.getUTCFullYear();
      if (Date.UTC(year, month, day) > now.getTime()) year--;
    }
    const d = new Date(Date.UTC(year, month, day));
    if (d.getUTCMonth() !== month) continue;
    return d.toISOString().slice(0, 10);
  }
  return null;
}

function isoDay(value: string | null): string | null {
  if (!value) return null;
  const iso = value.trim().match(ISO_DAY_RE);
  if (iso) return parseDay(iso[1]) ? iso[1] : null;
  return parseDay(value.trim())?.toISOString().slice(0, 10) ?? null;
}

function host(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[^a-z0-9]/g, "");

// A site name or an address becomes one of the desk's outlets when it names one; otherwise the site
// name is offered as a new outlet, and a bare address offers nothing (a domain is not a name).
export function suggestOutlet(siteName: string | null, url: string | null, outlets: KnownOutlet[]): { outlet: string | null; known: boolean } {
  if (siteName) {
    const hit = outlets.find((o) => fold(o.name) === fold(siteName));
    if (hit) return { outlet: hit.name, known: true };
  }
  const h = host(url);
  if (h) {
    const hit = outlets.find((o) => {
      const d = o.domain
        ?.toLowerCase()
        .replace(/^https?:\/\//, "")
        .replace(/^www\./, "")
        .replace(/\/.*$/, "");
      return d && (h === d || h.endsWith(`.${d}`));
    });
    if (hit) return { outlet: hit.name, known: true };
  }
  return { outlet: siteName, known: false };
}

export function detectMetadata(input: { source: string; plainText?: string; outlets?: KnownOutlet[]; now?: Date }): DetectedMetadata {
  const now = input.now ?? new Date();
  const html = looksLikeHtml(input.source);
  const facts = html ? htmlFacts(input.source) : null;
  const plain = input.plainText ?? (html ? "" : input.source);
  const cleaned = cleanArticle(plain);

  const headline = headlineOf(cleaned.text);
  const candidates: [TitleSource, string | null][] = html
    ? [
        ["og:title", facts!.ogTitle],
        ["h1", facts!.h1],
        ["title", facts!.title],
        ["headline", headline],
      ]
    : [["headline", headline]];
  let [titleSource, title] = candidates.find(([, t]) => t) ?? [null, null];
  if (!title) {
    title = ledeTitle(cleaned.text);
    titleSource = title ? "lede" : null;
  }
  const url = facts?.url && /^https?:\/\//i.test(facts.url) ? facts.url : null;
  const publishedAt = isoDay(facts?.published ?? null) ?? cleaned.publishedAt?.toISOString().slice(0, 10) ?? datelineDay(plain.replace(/\r\n?/g, "\n"), now);
  const { outlet, known } = suggestOutlet(facts?.siteName ?? null, url, input.outlets ?? []);
  return { title: title ? title.slice(0, TITLE_MAX) : null, titleSource, publishedAt, url, outlet, outletKnown: known };
}
