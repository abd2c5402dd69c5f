// The API's shapes, in one place, so every route answers alike. Enum values go out in lower case.
type ClaimRow = {
  id: string;
  text: string;
  start: number;
  end: number;
  kind: string;
  checkworthiness: number;
  attribution: string | null;
  status: string;
  version: number;
  setAside?: string | null;
  context?: string | null;
  // Re-anchoring (docs/decisions/023): the article version the claim's words come from.
  anchoredVersion?: number;
  sourceChanged?: boolean;
  sourceChange?: unknown;
};
type ArticleRow = {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: Date | null;
  language: string;
  wireCredit: string | null;
  matching: string;
  createdAt: Date;
  outlet: { id: string; name: string };
  text?: string;
  fetchUrl?: string | null;
  currentVersion?: number;
  lastFetchedAt?: Date | null;
};

export function presentClaim(c: ClaimRow) {
  return {
    id: c.id,
    text: c.text,
    start: c.start,
    end: c.end,
    kind: c.kind.toLowerCase(),
    checkworthiness: Math.round(c.checkworthiness * 1000) / 1000,
    attribution: c.attribution,
    status: c.status.toLowerCase(),
    version: c.version,
    ...(c.setAside !== undefined ? { setAside: c.setAside?.toLowerCase() ?? null } : {}),
    ...(c.context !== undefined ? { context: c.context } : {}),
    ...(c.anchoredVersion !== undefined
      ? { anchoredVersion: c.anchoredVersion, sourceChanged: c.sourceChanged ?? false, sourceChange: c.sourceChange ?? null }
      : {}),
  };
}

export function presentArticle(a: ArticleRow) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    language: a.language,
    wireCredit: a.wireCredit,
    matching: a.matching.toLowerCase(),
    createdAt: a.createdAt.toISOString(),
    outlet: { id: a.outlet.id, name: a.outlet.name },
    ...(a.text !== undefined ? { text: a.text } : {}),
    ...(a.currentVersion !== undefined
      ? { fetchUrl: a.fetchUrl ?? null, version: a.currentVersion, lastFetchedAt: a.lastFetchedAt?.toISOString() ?? null }
      : {}),
  };
}
