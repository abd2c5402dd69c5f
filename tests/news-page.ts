// An outlet's article page for fetcher tests: the HTML a news site serves, from paragraphs.
export function newsPage(paragraphs: string[], opts: { title?: string; site?: string; url?: string; published?: string } = {}): string {
  const title = opts.title ?? "Flooding displaces thousands in the river delta";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | ${opts.site ?? "Delta Courier"}</title>
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="${opts.site ?? "Delta Courier"}">
${opts.url ? `<meta property="og:url" content="${opts.url}">` : ""}
<meta property="article:published_time" content="${opts.published ?? "2026-11-20T08:00:00Z"}">
<script>window.tracking = "<p>not article text</p>";</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article><footer>© Delta Courier. All rights reserved.</footer></body></html>`;
}

// The story before and after a silent edit: a number edited, a sentence removed, a paragraph added above.
export const STORY_V1 = [
  "Officials in the delta province said on Monday that 12,000 people had been moved to emergency shelters after the river burst its banks.",
  "The provincial governor said the army had deployed 40 boats to reach villages cut off by the water. Schools in three districts will stay closed until Friday.",
  "Forecasters expect another 150 millimetres of rain to fall over the region before the weekend, according to the national weather service.",
];
export const STORY_V2 = [
  "Update: the national weather service issued a red alert for the whole delta on Tuesday morning, the highest level of warning it gives.",
  "Officials in the delta province said on Monday that 18,000 people had been moved to emergency shelters after the river burst its banks.",
  "The provincial governor said the army had deployed 40 boats to reach villages cut off by the water.",
  "Forecasters expect another 150 millimetres of rain to fall over the region before the weekend, according to the national weather service.",
];
