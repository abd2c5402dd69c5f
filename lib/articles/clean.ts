export type CleanedArticle = { text: string; publishedAt: Date | null; wireCredit: string | null };

// Scraped articles arrive as one line per block with the page chrome still in them. Each rule below
// matches a kind of block that news sites share, never a sentence of a particular article.

// Lines made only of these words are menus, share bars or ad slots.
const CHROME_WORDS = new Set(
  (
    "hamburger menu close open logo search home skip to content navigation sign in log out " +
    "share on via this article whatsapp telegram facebook twitter x email e-mail linkedin reddit pinterest " +
    "messenger flipboard tumblr print copy link comments comment advertisement advertising ad " +
    "sponsored content more"
  ).split(" "),
);

const CAPTION_RES = [
  /\bvia (?:Getty Images|REUTERS|Reuters|AFP|AP|Shutterstock|Bloomberg)\b/,
  /^(?:FILE PHOTO|FILE|PHOTO|Photo|Image|Picture|Photograph|Credit|Caption)s?\s*:/,
  /\((?:Photo|Image|Picture)s? (?:by|credit|courtesy)\b/i,
  /\bAP Photo\b/,
  // Positions of the people in a picture: "(l)", "(R)", "(left)".
  /\((?:l|r|c|L|R|C|left|right|centre|center)\)/,
  // Photographer / agency credits: "GRIGORY DUKOR/AFP", "Hadama Diakite / EPA / TASS".
  /\S\s*\/\s*(?:AFP|AP|EPA|EPA-EFE|EFE|TASS|POOL|REUTERS|Reuters|Getty Images|Sputnik|Xinhua|ANP|DPA|dpa|Anadolu|Bloomberg|SIPA|Shutterstock|Kremlin|RIA Novosti|Zuma)\b/,
];

export const WIRE_AGENCY = "Reuters|AFP|AP|Associated Press|Agence France-Presse|TASS|Xinhua|Bloomberg|dpa|Anadolu|RIA Novosti|Interfax|UPI|PA";
const WIRE_CREDIT_RES = [
  /^\(?((?:Additional )?(?:Reporting|Writing|Editing|Compiled|Translated|Research) by\b[^)]*)\)?\.?$/i,
  new RegExp(`^(?:The )?(${WIRE_AGENCY}) contributed to this (?:report|story)\\.?$`),
  new RegExp(`^[-—–]?\\s*\\(?((?:${WIRE_AGENCY})(?:\\s*(?:/|,|and|with)\\s*(?:${WIRE_AGENCY}))*)\\)?\\.?$`),
];
// "MOSCOW, Sept 10 (Reuters) - Russian President ...", "NKHATA BAY, Malawi (AP) — A ferry ..." and
// "LOS ANGELES, Calif. (AP) —" carry the credit in their first words: a city in capitals, then a
// region or country and a date, each optional. Capitals are any script's ("COPIAPÓ", "SÃO PAULO").
const DATELINE_RE = new RegExp(
  `^\\p{Lu}[\\p{Lu} .'-]*(?:,\\s*\\p{Lu}[\\p{L}\\p{N}.'-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}.'-]*){0,3})?(?:,\\s*(?:\\p{L}{3,9}\\.? \\d{1,2}|\\d{1,2} \\p{L}{3,9}\\.?)(?:,?\\s*\\d{4})?)?\\s*\\((${WIRE_AGENCY})\\)\\s*[-—–]\\s*`,
  "u",
);

// The same dateline without an agency's credit ("LILONGWE, Malawi — "), which outlets use for their
// own correspondents and for wire copy credited in a footer. Read before the first sentence only (a
// headline may come first), and only with the place in capitals, so that "NATO - the alliance" in a
// later paragraph is kept.
const PLAIN_DATELINE_RE =
  /^\p{Lu}[\p{Lu}.'-]+(?: \p{Lu}[\p{Lu}.'-]+){0,3}(?:,\s*\p{Lu}[\p{L}\p{N}.'-]*(?:\s+\p{Lu}[\p{L}\p{N}.'-]*){0,3})?(?:,\s*(?:\p{L}{3,9}\.? \d{1,2}|\d{1,2} \p{L}{3,9}\.?)(?:,?\s*\d{4})?)?\s*(?:—|–|--?)\s+(?=[\p{Lu}0-9"“‘'])/u;

const SENTENCE_END = /[.!?]["”’)]*$/;

const BOILERPLATE_RES = [
  /^(?:content is )?loading(?:\.\.\.|…)?$/i,
  /^(?:audio|listen|narrated|voiced|read)(?: to this article)?(?: by| to)\b.{0,40}$/i,
  /^(?:published|updated|posted|last updated|first published)\b.{0,60}\d.{0,20}$/i,
  /\bnewsletters?\b/i,
  /^(?:sign up|subscribe)\b|\bsubscribe (?:now|today|here|to (?:our|get|receive))\b|\bclicking subscribe\b/i,
  /\b(?:subscribers? agree|privacy policy|terms of (?:use|service)|cookie (?:policy|settings))\b/i,
  /^support (?:us|our|the|independent)\b.{0,60}$/i,
  /\b(?:donate (?:now|today|to us)|make a (?:donation|contribution)|every contribution|please support us|support us (?:monthly|today|now))\b/i,
  /\b(?:click|tap) (?:here|this link|the link|below)\b/i,
  /^(?:read more|explore now|see more|show more|load more|continue reading|remind me later)\b/i,
  /\bexplore now\b/i,
  /^stay (?:in the know|informed|up to date|updated)\b/i,
  /^[-–—•|]+$/,
  // Timestamps of list items: "11 minutes -", "2 hours ago".
  /^\d+\s+(?:seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)(?: ago)?\s*[-–—]?$/i,
];

// A list of other stories: its headlines and times follow until prose resumes.
const LIST_HEADER_RE =
  /^(?:latest|most read|most popular|most viewed|related|more|top|recommended|trending|popular|editor'?s picks|you may also like|read more)(?: (?:stories|news|articles|headlines|from [\w ]+|in \w+))?:?$/i;
// Donation and editor appeals close an article: nothing after their opening belongs to it.
const APPEAL_RE = /^(?:a message from\b|dear readers?\b|before you go\b|we have a small favou?r to ask\b)/i;

const PUBLISHED_RE = /^(?:published|posted|first published)(?: on)?\s+(.{6,40}?\d{4})\b/i;

function isChrome(line: string): boolean {
  const words = line.toLowerCase().split(/\s+/);
  return words.every((w) => CHROME_WORDS.has(w.replace(/[^a-z-]/g, "")));
}

// Prose ends in a full stop (or a closing quote after one) and is long enough to be a sentence.
export function isProse(line: string): boolean {
  return /[.!?]["”’)]*$/.test(line) && line.split(/\s+/).length >= 12;
}

export function parseDay(text: string): Date | null {
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const d = iso ? new Date(Date.UTC(+iso[1], +iso[2] - 1, +iso[3])) : new Date(`${text} UTC`);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function cleanArticle(raw: string): CleanedArticle {
  let body = raw.replace(/\r\n?/g, "\n").replace(/[\u00a0\u2007\u202f]/g, " ");
  let publishedAt: Date | null = null;
  const header = body.match(/^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/i);
  if (header) {
    publishedAt = parseDay(header[1]);
    body = body.slice(header[0].length);
  }

  const credits: string[] = [];
  const kept: string[] = [];
  const seen = new Set<string>();
  let inList = false;
  for (const rawLine of body.split("\n")) {
    let line = rawLine.replace(/[ \t]+/g, " ").trim();
    if (!line) continue;
    if (APPEAL_RE.test(line)) break;
    if (LIST_HEADER_RE.test(line)) {
      inList = true;
      continue;
    }
    if (inList && !isProse(line)) continue;
    inList = false;

    const published = line.match(PUBLISHED_RE);
    if (published && !publishedAt) publishedAt = parseDay(published[1]);
    const credit = WIRE_CREDIT_RES.map((re) => line.match(re)).find((m) => m);
    if (credit) {
      credits.push(credit[1].trim());
      continue;
    }
    const dateline = line.match(DATELINE_RE);
    if (dateline) {
      credits.push(dateline[1]);
      line = line.slice(dateline[0].length);
    } else if (!kept.some((k) => SENTENCE_END.test(k))) {
      // The place a report was filed from is not a claim: left in, its names read as a difference.
      const plain = line.match(PLAIN_DATELINE_RE);
      const rest = plain ? line.slice(plain[0].length) : "";
      if (plain && /\p{Lu}{2}/u.test(plain[0]) && SENTENCE_END.test(rest) && rest.split(" ").length >= 4) line = rest;
    }
    if (isChrome(line) || CAPTION_RES.some((re) => re.test(line))) continue;
    if (BOILERPLATE_RES.some((re) => re.test(line))) continue;
    // One- and two-word lines without punctuation are section labels and buttons ("World", "Monthly").
    if (line.split(" ").length <= 2 && !/[.!?]$/.test(line)) continue;
    // Sites repeat headlines and captions (hero image plus article image): keep the first.
    const key = line.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(line);
  }
  return { text: kept.join("\n\n"), publishedAt, wireCredit: credits.length ? credits.join("; ") : null };
}
