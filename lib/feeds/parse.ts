import { DOMParser } from "linkedom";

// RSS 2.0, RSS 1.0 (RDF) and Atom, read leniently the way feed readers do: real feeds mix
// namespaces and prefixes, leave links in guids, wrap titles in CDATA or escaped HTML, and put
// relative links in Atom. linkedom's XML mode (htmlparser2) never expands DTD entities, so a
// "billion laughs" feed costs nothing, and it does not throw on broken markup: what is not a
// feed is recognised by its root element instead.

export type FeedKind = "rss" | "atom" | "rdf";
export type FeedEntry = { url: string; guid: string | null; title: string | null; publishedAt: Date | null };
export type ParsedFeed = { kind: FeedKind; title: string | null; items: FeedEntry[] };

export class FeedFormatError extends Error {
  code = "not_a_feed" as const;
}

// A feed lists tens of items; a few hundred is plenty and bounds the work of one poll.
export const MAX_ITEMS = 200;

type El = Element;
const local = (el: El) => el.tagName.toLowerCase().replace(/^.*:/, "");
const kids = (el: El, name: string) => [...el.children].filter((c) => local(c) === name);
const kid = (el: El, name: string) => kids(el, name)[0];

// Common HTML entities that feeds use in XML where only the five XML ones are defined.
const NAMED: Record<string, string> = {
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  laquo: "«",
  raquo: "»",
  eacute: "é",
  egrave: "è",
  aacute: "á",
  oacute: "ó",
  uacute: "ú",
  iacute: "í",
  ntilde: "ñ",
  uuml: "ü",
  ouml: "ö",
  auml: "ä",
  ccedil: "ç",
};

function cleanText(s: string | null | undefined, html = false): string | null {
  if (s == null) return null;
  let t = s;
  // Escaped HTML in a title (Atom type="html", or RSS titles written as markup): keep the words.
  if (html || /<[a-z/][^>]*>/i.test(t)) t = t.replace(/<[^>]*>/g, " ");
  t = t.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    const lower = e.toLowerCase();
    return lower === "amp" ? "&" : lower === "lt" ? "<" : lower === "gt" ? ">" : lower === "quot" ? '"' : lower === "apos" ? "'" : (NAMED[lower] ?? m);
  });
  t = t.replace(/\s+/g, " ").trim();
  return t ? t.slice(0, 1000) : null;
}

// Zone names that RFC 822 dates in real feeds use and Date does not know (it knows GMT, UT, and
// the North American ones).
const ZONES: Record<string, string> = {
  CET: "+0100",
  CEST: "+0200",
  BST: "+0100",
  IST: "+0530",
  EET: "+0200",
  EEST: "+0300",
  WAT: "+0100",
  CAT: "+0200",
  EAT: "+0300",
  SAST: "+0200",
  MSK: "+0300",
  JST: "+0900",
  KST: "+0900",
  HKT: "+0800",
  SGT: "+0800",
  AEST: "+1000",
  AEDT: "+1100",
  NZST: "+1200",
  WET: "+0000",
  WEST: "+0100",
  UTC: "+0000",
  Z: "+0000",
};

function parseDate(s: string | null | undefined): Date | null {
  const t = s?.trim();
  if (!t) return null;
  let d = new Date(t);
  if (Number.isNaN(d.getTime())) d = new Date(t.replace(/\s+([A-Z]{1,5})$/, (m, z: string) => (ZONES[z] ? ` ${ZONES[z]}` : m)));
  if (Number.isNaN(d.getTime())) return null;
  const year = d.getUTCFullYear();
  return year >= 1990 && year <= 2200 ? d : null;
}

// Tracking parameters say who clicked, not what was published: the same article with another
// utm_source is the same item.
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|cmpid|ocid|ns_mchannel|ns_source|ns_campaign|ns_linkname|at_medium|at_campaign)$/i;

/** The URL an item is known by: absolute, http(s) only, without fragment or tracking parameters. */
export function normalizeItemUrl(raw: string | null | undefined, base?: string): string | null {
  const s = raw?.trim();
  if (!s) return null;
  let u: URL;
  try {
    u = base ? new URL(s, base) : new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  if (u.search === "?") u.search = "";
  return u.toString();
}

function xmlBase(el: El, fallback: string | undefined): string | undefined {
  const base = el.getAttribute("xml:base");
  if (!base) return fallback;
  try {
    return new URL(base, fallback).toString();
  } catch {
    return fallback;
  }
}

function rssEntry(item: El, base: string | undefined): FeedEntry | null {
  const links = kids(item, "link");
  // FeedBurner and similar proxies put the publisher's own URL in origLink.
  const candidates = [
    kid(item, "origlink")?.textContent,
    ...links.filter((l) => !l.getAttribute("href")).map((l) => l.textContent),
    ...links.filter((l) => (l.getAttribute("rel") ?? "alternate") === "alternate").map((l) => l.getAttribute("href")),
  ];
  const guidEl = kid(item, "guid");
  const guid = cleanText(guidEl?.textContent);
  if (guid && guidEl?.getAttribute("isPermaLink") !== "false") candidates.push(guid);
  // RSS 1.0 names the item by its rdf:about.
  candidates.push(item.getAttribute("rdf:about"));
  const url = candidates.map((c) => normalizeItemUrl(c, base)).find((u): u is string => !!u);
  if (!url) return null;
  const date = kid(item, "pubdate")?.textContent ?? kid(item, "date")?.textContent ?? kid(item, "published")?.textContent ?? kid(item, "updated")?.textContent;
  return { url, guid, title: cleanText(kid(item, "title")?.textContent), publishedAt: parseDate(date) };
}

function atomEntry(entry: El, base: string | undefined): FeedEntry | null {
  const entryBase = xmlBase(entry, base);
  const links = kids(entry, "link");
  const rank = (l: El) => {
    const rel = l.getAttribute("rel") ?? "alternate";
    const type = l.getAttribute("type") ?? "text/html";
    return rel === "alternate" ? (/html/.test(type) ? 0 : 1) : 9;
  };
  const best = links.filter((l) => rank(l) < 9).sort((a, b) => rank(a) - rank(b));
  const url = best.map((l) => normalizeItemUrl(l.getAttribute("href"), xmlBase(l, entryBase))).find((u): u is string => !!u);
  if (!url) return null;
  const titleEl = kid(entry, "title");
  const date = kid(entry, "published")?.textContent ?? kid(entry, "updated")?.textContent ?? kid(entry, "issued")?.textContent;
  return {
    url,
    guid: cleanText(kid(entry, "id")?.textContent),
    title: cleanText(titleEl?.textContent, /html/.test(titleEl?.getAttribute("type") ?? "")),
    publishedAt: parseDate(date),
  };
}

/** Reads a feed's items in document order, each URL once. Throws FeedFormatError for anything else. */
export function parseFeed(xml: string, feedUrl?: string): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, "").trimStart();
  if (!text.startsWith("<")) throw new FeedFormatError("The answer is not XML.");
  const doc = new DOMParser().parseFromString(text, "text/xml");
  const root = doc.documentElement as unknown as El | null;
  const name = root ? local(root) : "";
  let kind: FeedKind;
  let title: string | null;
  let entries: (FeedEntry | null)[];
  if (root && name === "rss") {
    const channel = kid(root, "channel");
    if (!channel) throw new FeedFormatError("The RSS document has no channel.");
    kind = "rss";
    title = cleanText(kid(channel, "title")?.textContent);
    // Some feeds put items beside the channel rather than inside it.
    entries = [...kids(channel, "item"), ...kids(root, "item")].slice(0, MAX_ITEMS).map((i) => rssEntry(i, feedUrl));
  } else if (root && name === "feed") {
    kind = "atom";
    const base = xmlBase(root, feedUrl);
    const titleEl = kid(root, "title");
    title = cleanText(titleEl?.textContent, /html/.test(titleEl?.getAttribute("type") ?? ""));
    entries = kids(root, "entry")
      .slice(0, MAX_ITEMS)
      .map((e) => atomEntry(e, base));
  } else if (root && name === "rdf") {
    kind = "rdf";
    const channel = kid(root, "channel");
    title = cleanText(channel && kid(channel, "title")?.textContent);
    entries = kids(root, "item")
      .slice(0, MAX_ITEMS)
      .map((i) => rssEntry(i, feedUrl));
  } else {
    throw new FeedFormatError(name === "html" ? "The address serves a web page, not a feed." : "The document is neither RSS nor Atom.");
  }
  const seen = new Set<string>();
  const items = entries.filter((e): e is FeedEntry => {
    if (!e || seen.has(e.url)) return false;
    seen.add(e.url);
    return true;
  });
  return { kind, title, items };
}
