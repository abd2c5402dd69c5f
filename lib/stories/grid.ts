// Stories and the story grid, as pure functions over ids and links (no Prisma, no Next).
//
// A story is a connected component over articles: two articles are together when a non-rejected
// link joins claims of theirs, or when an admin has put them in the same named Story. A cluster is
// a connected component over the claims of one story. Each cluster is read against its anchor (the
// claim with the most direct links in it, then the most check-worthy): a claim linked to the anchor itself says what that link says; one reached
// through supports only supports it; any other is linked only indirectly (see relativeTo).

export type Relation = "SUPPORTS" | "CONTRADICTS";
export type Status = "UNREVIEWED" | "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED";

/** Connected components; members keep input order and components are ordered by their first member. */
/**
 * Connected components. With `when` (each id's event time as a day range, or null) two components
 * are not joined when their day ranges lie more than `maxSpan` days apart: a chain of links
 * through an undated claim must not merge reports of two different events.
 */
export function components(
  ids: readonly string[],
  edges: readonly (readonly [string, string])[],
  when?: ReadonlyMap<string, { from: number; to: number } | null>,
  maxSpan = Infinity,
): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const span = new Map(ids.map((id) => [id, when?.get(id) ?? null]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const [a, b] of edges) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    const sa = span.get(ra),
      sb = span.get(rb);
    // Days between the two ranges (0 when they overlap): more than maxSpan apart is another event.
    if (sa && sb && Math.max(sa.from, sb.from) - Math.min(sa.to, sb.to) > maxSpan) continue;
    const joined = sa && sb ? { from: Math.min(sa.from, sb.from), to: Math.max(sa.to, sb.to) } : (sa ?? sb ?? null);
    parent.set(rb, ra);
    span.set(ra, joined);
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const r = find(id);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  return [...groups.values()];
}

// ---- Stories ---------------------------------------------------------------------------------

export type StoryArticle = {
  id: string;
  outletId: string;
  outletName: string;
  title: string | null;
  lead: string;
  claims: number;
  storyId: string | null;
  storyName: string | null;
  storyCreatedAt: Date | null;
};

export type StoryGroup = {
  /** The URL id: the named Story's id, else the first article's id (so an unnamed story has a stable address). */
  key: string;
  storyId: string | null;
  name: string;
  named: boolean;
  articles: StoryArticle[];
  outlets: string[];
  claims: number;
};

const STOP = new Set(
  (
    "The A An And But Or Of In On At To For From By With As After Before During Over Under " +
    "He She It They We You I His Her Its Their Our This That These Those There Here When Where While What Which Who " +
    "Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July " +
    "August September October November December Advertisement Photo File Read More According Also However"
  ).split(" "),
);

/** The most frequent capitalised words that do not start a sentence, e.g. "Putin, Goita, Niger". */
export function frequentNames(text: string, n = 3): string[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(^|[.!?]["”’)]?\s+|\n+)?([A-Z][a-zA-Z’'-]+)/g)) {
    const word = m[2].replace(/['’]s$/, "").replace(/[’'-]+$/, "");
    if (m[1] !== undefined || STOP.has(word) || word.length < 3 || word === word.toUpperCase()) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, c]) => c > 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([w]) => w);
}

export function automaticName(articles: Pick<StoryArticle, "title" | "lead" | "outletName">[]): string {
  const titled = articles.find((a) => a.title?.trim());
  if (titled) return titled.title!.trim();
  const names = frequentNames(articles.map((a) => a.lead).join("\n"));
  return names.length ? names.join(", ") : `Untitled (${articles[0]?.outletName ?? "no articles"})`;
}

/** Articles are expected oldest first; the first article of a story leads it. */
export function groupStories(articles: StoryArticle[], links: readonly (readonly [string, string])[]): StoryGroup[] {
  const byStory = new Map<string, string>();
  const sameStory: [string, string][] = [];
  for (const a of articles) {
    if (!a.storyId) continue;
    const first = byStory.get(a.storyId);
    if (first) sameStory.push([first, a.id]);
    else byStory.set(a.storyId, a.id);
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  return components(
    articles.map((a) => a.id),
    [...links, ...sameStory],
  ).map((ids) => {
    const members = ids.map((id) => byId.get(id)!);
    const story = chooseStory(members);
    return {
      key: story?.storyId ?? members[0].id,
      storyId: story?.storyId ?? null,
      name: story?.storyName ?? automaticName(members),
      named: Boolean(story),
      articles: members,
      outlets: [...new Set(members.map((a) => a.outletName))],
      claims: members.reduce((n, a) => n + a.claims, 0),
    };
  });
}

// Links can join two named stories; the one holding the most articles (then the older) keeps the name.
function chooseStory(members: StoryArticle[]) {
  const held = new Map<string, { a: StoryArticle; n: number }>();
  for (const a of members) if (a.storyId) held.set(a.storyId, { a, n: (held.get(a.storyId)?.n ?? 0) + 1 });
  const best = [...held.values()].sort(
    (x, y) => y.n - x.n || (x.a.storyCreatedAt?.getTime() ?? 0) - (y.a.storyCreatedAt?.getTime() ?? 0) || (x.a.storyId! < y.a.storyId! ? -1 : 1),
  )[0];
  return best?.a;
}

/** The story a URL id names: a story key, a Story id, or any of its article ids. */
export function findStory(groups: StoryGroup[], id: string): StoryGroup | undefined {
  return groups.find((g) => g.key === id || g.storyId === id) ?? groups.find((g) => g.articles.some((a) => a.id === id));
}

// ---- Grid ------------------------------------------------------------------------------------

// event: the days the claim's event can fall on (from its dates, resolved against publication), if known.
export type GridClaim = { id: string; text: string; outletId: string; checkworthiness: number; status: Status; event?: { from: number; to: number } | null };
export type GridLink = { from: string; to: string; relation: Relation };
// indirect: linked to the row only through a contradiction between two other claims, so nothing
// says whether it agrees with the anchor.
export type CellClaim = { id: string; text: string; status: Status; relation: "anchor" | "supports" | "contradicts" | "indirect" };
export type Cell = { relation: CellClaim["relation"] | "absent"; claims: CellClaim[] };
export type GridRow = { anchor: GridClaim; size: number; cells: Record<string, Cell> };
export type Grid = { outlets: { id: string; name: string }[]; rows: GridRow[]; singletons: GridClaim[] };

const byWorth = (a: GridClaim, b: GridClaim) => b.checkworthiness - a.checkworthiness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One row per event: a cluster of two or more linked claims whose event dates fall within
 * `maxSpan` days of each other. One column per outlet (in the order given). Claims linked to
 * nothing in the story are returned apart as singletons.
 */
export function buildGrid(outlets: { id: string; name: string }[], claims: GridClaim[], links: GridLink[], maxSpan = Infinity): Grid {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const edges = links.filter((l) => l.from !== l.to && byId.has(l.from) && byId.has(l.to));
  const adjacent = new Map<string, Map<string, Relation>>();
  for (const l of edges) {
    for (const [a, b] of [
      [l.from, l.to],
      [l.to, l.from],
    ]) {
      const m = adjacent.get(a) ?? adjacent.set(a, new Map()).get(a)!;
      // Two links between the same pair that disagree: the contradiction is the one worth seeing.
      if (m.get(b) !== "CONTRADICTS") m.set(b, l.relation);
    }
  }
  const rows: GridRow[] = [];
  const singletons: GridClaim[] = [];
  const when = new Map(claims.map((c) => [c.id, c.event ?? null]));
  // Contradictions last: a row forms around what outlets agree on, and a dispute joins it after.
  // Fixed order otherwise, so the same links always give the same rows whatever order they are read in.
  const key = (l: GridLink) => (l.from < l.to ? `${l.from}:${l.to}` : `${l.to}:${l.from}`);
  const ordered = [...edges].sort((x, y) =>
    x.relation === y.relation ? (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0) : x.relation === "CONTRADICTS" ? 1 : -1,
  );
  for (const ids of components(
    claims.map((c) => c.id),
    ordered.map((l) => [l.from, l.to] as const),
    when,
    maxSpan,
  )) {
    const members = ids.map((id) => byId.get(id)!).sort(byWorth);
    if (members.length < 2) {
      singletons.push(members[0]);
      continue;
    }
    // The anchor is the claim linked directly to the most others of the row (then the most
    // check-worthy): only a direct link or a chain of supports says how a claim stands to it.
    const inRow = new Set(ids);
    const degree = (c: GridClaim) => [...(adjacent.get(c.id)?.keys() ?? [])].filter((id) => inRow.has(id)).length;
    const anchor = members.reduce((best, c) => (degree(c) > degree(best) ? c : best));
    const polarity = relativeTo(anchor.id, adjacent);
    const cells: Record<string, Cell> = {};
    for (const o of outlets) cells[o.id] = { relation: "absent", claims: [] };
    for (const c of members) {
      const relation = polarity.get(c.id) ?? "indirect";
      (cells[c.outletId] ??= { relation: "absent", claims: [] }).claims.push({ id: c.id, text: c.text, status: c.status, relation });
    }
    for (const cell of Object.values(cells)) cell.relation = summary(cell.claims);
    rows.push({ anchor, size: members.length, cells });
  }
  rows.sort((a, b) => byWorth(a.anchor, b.anchor));
  return { outlets, rows, singletons: singletons.sort(byWorth) };
}

// What each claim of a row says of its anchor. A link to the anchor itself says it. Otherwise only a
// chain of supports does: claims that restate one another restate the anchor. A contradiction on the
// way says nothing of the anchor: a report that disputes another outlet's cause, against a claim
// that shares only the collapse with the anchor, does not dispute the collapse; and two
// contradictions do not make an agreement (15 dead against 12, and 20 against 15).
function relativeTo(anchor: string, adjacent: Map<string, Map<string, Relation>>): Map<string, CellClaim["relation"]> {
  const out = new Map<string, CellClaim["relation"]>([[anchor, "anchor"]]);
  for (const [to, rel] of adjacent.get(anchor) ?? []) out.set(to, rel === "CONTRADICTS" ? "contradicts" : "supports");
  const queue = [...out.keys()].filter((id) => out.get(id) === "supports");
  while (queue.length) {
    const at = queue.shift()!;
    for (const [to, rel] of adjacent.get(at) ?? []) {
      if (out.has(to) || rel !== "SUPPORTS") continue;
      out.set(to, "supports");
      queue.push(to);
    }
  }
  return out;
}

function summary(claims: CellClaim[]): Cell["relation"] {
  if (!claims.length) return "absent";
  if (claims.some((c) => c.relation === "anchor")) return "anchor";
  if (claims.some((c) => c.relation === "contradicts")) return "contradicts";
  return claims.some((c) => c.relation === "supports") ? "supports" : "indirect";
}
