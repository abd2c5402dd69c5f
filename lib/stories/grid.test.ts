import { describe, it, expect } from "vitest";
import { automaticName, buildGrid, components, findStory, frequentNames, groupStories, type GridClaim, type StoryArticle } from "./grid";

describe("components", () => {
  it("groups connected ids, keeps input order and ignores unknown ends", () => {
    expect(
      components(
        ["a", "b", "c", "d", "e"],
        [
          ["d", "b"],
          ["c", "e"],
          ["e", "x"],
        ],
      ),
    ).toEqual([["a"], ["b", "d"], ["c", "e"]]);
    expect(
      components(
        ["a", "b", "c"],
        [
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
        ],
      ),
    ).toEqual([["a", "b", "c"]]);
  });
});

const art = (id: string, outletName: string, more: Partial<StoryArticle> = {}): StoryArticle => ({
  id,
  outletId: `o-${outletName}`,
  outletName,
  title: null,
  lead: "",
  claims: 2,
  storyId: null,
  storyName: null,
  storyCreatedAt: null,
  ...more,
});

describe("groupStories", () => {
  it("makes linked articles one story and leaves an unlinked article on its own", () => {
    const groups = groupStories(
      [art("a1", "Tech Times"), art("a2", "Africanews"), art("a3", "TODAY"), art("a4", "The Moscow Times")],
      [
        ["a1", "a2"],
        ["a3", "a2"],
      ],
    );
    expect(groups.map((g) => g.articles.map((a) => a.id))).toEqual([["a1", "a2", "a3"], ["a4"]]);
    expect(groups[0]).toMatchObject({ key: "a1", storyId: null, named: false, outlets: ["Tech Times", "Africanews", "TODAY"], claims: 6 });
  });

  it("keeps a named story together and uses its id and name", () => {
    const s = { storyId: "s1", storyName: "Putin and Goita", storyCreatedAt: new Date(1) };
    const groups = groupStories([art("a1", "A"), art("a2", "B", s), art("a3", "C", s)], [["a1", "a2"]]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: "s1", storyId: "s1", name: "Putin and Goita", named: true });
    expect(findStory(groups, "a1")?.key).toBe("s1");
    expect(findStory(groups, "s1")?.key).toBe("s1");
    expect(findStory(groups, "nope")).toBeUndefined();
  });

  it("when links join two named stories, the larger (then older) keeps the name", () => {
    const s1 = { storyId: "s1", storyName: "Small", storyCreatedAt: new Date(1) };
    const s2 = { storyId: "s2", storyName: "Large", storyCreatedAt: new Date(2) };
    const [g] = groupStories([art("a1", "A", s1), art("a2", "B", s2), art("a3", "C", s2)], [["a1", "a2"]]);
    expect(g).toMatchObject({ storyId: "s2", name: "Large" });
    const [h] = groupStories([art("a1", "A", s1), art("a2", "B", s2)], [["a1", "a2"]]);
    expect(h.name).toBe("Small");
  });
});

describe("automatic story names", () => {
  it("use the first title when there is one", () => {
    expect(
      automaticName([
        { title: null, lead: "", outletName: "A" },
        { title: " Putin calls Goita ", lead: "", outletName: "B" },
      ]),
    ).toBe("Putin calls Goita");
  });

  it("else the most frequent capitalised words that do not open a sentence", () => {
    const lead =
      "Russian President Vladimir Putin spoke to Goita. The Kremlin said Putin and Goita agreed. Talks with Goita on Niger and Putin on Niger. AFP reported it on Tuesday.";
    expect(frequentNames(lead)).toEqual(["Putin", "Goita", "Niger"]);
    expect(automaticName([{ title: null, lead, outletName: "A" }])).toBe("Putin, Goita, Niger");
    expect(automaticName([{ title: null, lead: "nothing here", outletName: "TODAY" }])).toBe("Untitled (TODAY)");
  });
});

const claim = (id: string, outletId: string, checkworthiness: number, status: GridClaim["status"] = "UNREVIEWED"): GridClaim => ({
  id,
  text: `claim ${id}`,
  outletId,
  checkworthiness,
  status,
});
const outlets = [
  { id: "A", name: "Alpha" },
  { id: "B", name: "Beta" },
  { id: "C", name: "Gamma" },
  { id: "D", name: "Delta" },
];

describe("buildGrid", () => {
  it("makes one row per cluster, anchored on the claim linked to the most others, one cell per outlet", () => {
    const claims = [
      claim("a1", "A", 0.5),
      claim("b1", "B", 0.9, "CORROBORATED"),
      claim("c1", "C", 0.4),
      claim("a2", "A", 0.8),
      claim("c2", "C", 0.7),
      claim("d1", "D", 0.1),
    ];
    const grid = buildGrid(outlets, claims, [
      { from: "a1", to: "b1", relation: "SUPPORTS" },
      { from: "b1", to: "a1", relation: "SUPPORTS" },
      { from: "c1", to: "a1", relation: "CONTRADICTS" },
      { from: "a2", to: "c2", relation: "SUPPORTS" },
    ]);
    expect(grid.outlets).toEqual(outlets);
    // a1 is linked to both others; in the second row the two tie, and the more check-worthy leads.
    // Rows come most check-worthy anchor first.
    expect(grid.rows.map((r) => [r.anchor.id, r.size])).toEqual([
      ["a2", 2],
      ["a1", 3],
    ]);
    const [first, second] = grid.rows;
    expect(second.cells.A).toEqual({ relation: "anchor", claims: [{ id: "a1", text: "claim a1", status: "UNREVIEWED", relation: "anchor" }] });
    expect(second.cells.B.relation).toBe("supports");
    expect(second.cells.C).toMatchObject({ relation: "contradicts", claims: [{ id: "c1", relation: "contradicts" }] });
    expect(second.cells.D).toEqual({ relation: "absent", claims: [] });
    expect(first.cells.C.relation).toBe("supports");
    expect(first.cells.B.relation).toBe("absent");
    expect(grid.singletons.map((c) => c.id)).toEqual(["d1"]);
  });

  it("reads a claim that disputes another claim of the row, not the anchor, as indirect", () => {
    const claims = [claim("h", "A", 0.9), claim("p", "B", 0.5), claim("q", "C", 0.4), claim("r", "D", 0.3)];
    const grid = buildGrid(outlets, claims, [
      { from: "h", to: "p", relation: "SUPPORTS" },
      { from: "h", to: "q", relation: "SUPPORTS" },
      { from: "r", to: "p", relation: "CONTRADICTS" },
    ]);
    const cells = grid.rows[0].cells;
    // r disputes what p says beyond the anchor (a cause, a detail): nothing says it disputes h.
    expect([cells.A.relation, cells.B.relation, cells.C.relation, cells.D.relation]).toEqual(["anchor", "supports", "supports", "indirect"]);
  });

  it("reads two contradictions along a chain as no agreement, and a disagreeing pair as a contradiction", () => {
    // 12 dead (x), 15 (y), 20 (z): z disputes y, and does not agree with x.
    const claims = [claim("x", "A", 0.9), claim("y", "B", 0.5), claim("z", "C", 0.4), claim("w", "D", 0.3)];
    const grid = buildGrid(outlets, claims, [
      { from: "x", to: "y", relation: "CONTRADICTS" },
      { from: "y", to: "z", relation: "CONTRADICTS" },
      { from: "x", to: "w", relation: "SUPPORTS" },
      { from: "w", to: "x", relation: "CONTRADICTS" },
    ]);
    const cells = grid.rows[0].cells;
    expect([cells.A.relation, cells.B.relation, cells.C.relation, cells.D.relation]).toEqual(["anchor", "contradicts", "indirect", "contradicts"]);
  });

  it("reads a chain of supports as support, whatever order the links come in", () => {
    const claims = [claim("x", "A", 0.9), claim("y", "B", 0.5), claim("z", "C", 0.4), claim("v", "D", 0.3)];
    const links = [
      { from: "z", to: "y", relation: "SUPPORTS" },
      { from: "y", to: "x", relation: "SUPPORTS" },
      { from: "v", to: "z", relation: "CONTRADICTS" },
      { from: "v", to: "x", relation: "CONTRADICTS" },
    ] as const;
    for (const order of [links, [...links].reverse()]) {
      const cells = buildGrid(outlets, claims, [...order]).rows[0].cells;
      expect([cells.A.relation, cells.B.relation, cells.C.relation, cells.D.relation]).toEqual(["anchor", "supports", "supports", "contradicts"]);
    }
  });

  it("lists every claim of an outlet in a cell, contradiction first in the summary", () => {
    const claims = [claim("x", "A", 0.9), claim("b1", "B", 0.5), claim("b2", "B", 0.4)];
    const grid = buildGrid(outlets, claims, [
      { from: "x", to: "b1", relation: "SUPPORTS" },
      { from: "x", to: "b2", relation: "CONTRADICTS" },
    ]);
    expect(grid.rows[0].cells.B.relation).toBe("contradicts");
    expect(grid.rows[0].cells.B.claims.map((c) => c.id)).toEqual(["b1", "b2"]);
  });

  it("ignores links to claims outside the story and self-links", () => {
    const grid = buildGrid(
      outlets,
      [claim("x", "A", 0.9)],
      [
        { from: "x", to: "elsewhere", relation: "SUPPORTS" },
        { from: "x", to: "x", relation: "SUPPORTS" },
      ],
    );
    expect(grid.rows).toEqual([]);
    expect(grid.singletons.map((c) => c.id)).toEqual(["x"]);
  });
});

describe("rows are events", () => {
  const claim = (id: string, outletId: string, event: { from: number; to: number } | null) => ({
    id,
    text: id,
    outletId,
    checkworthiness: 0.5,
    status: "UNREVIEWED" as const,
    event,
  });
  const outlets = [
    { id: "o1", name: "One" },
    { id: "o2", name: "Two" },
    { id: "o3", name: "Three" },
  ];

  it("keeps two calls a month apart in two rows even when an undated claim links to both", () => {
    const claims = [
      claim("aug", "o1", { from: 100, to: 100 }),
      claim("undated", "o2", null),
      claim("sep", "o3", { from: 126, to: 126 }),
      claim("aug2", "o3", { from: 100, to: 100 }),
    ];
    const links = [
      { from: "aug", to: "undated", relation: "SUPPORTS" as const },
      { from: "undated", to: "sep", relation: "SUPPORTS" as const },
      { from: "aug", to: "aug2", relation: "SUPPORTS" as const },
    ];
    const grid = buildGrid(outlets, claims, links, 7);
    expect(grid.rows.map((r) => r.size).sort()).toEqual([3]);
    expect(grid.singletons.map((c) => c.id)).toEqual(["sep"]);
    // Without the event limit the chain merges everything, as the word clusters used to.
    expect(buildGrid(outlets, claims, links).rows.map((r) => r.size)).toEqual([4]);
  });

  it("joins a dispute about the date when the dates are days apart", () => {
    const claims = [claim("a", "o1", { from: 100, to: 100 }), claim("b", "o2", { from: 101, to: 101 })];
    expect(buildGrid(outlets, claims, [{ from: "a", to: "b", relation: "CONTRADICTS" }], 7).rows).toHaveLength(1);
  });
});
