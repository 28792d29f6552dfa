import { describe, expect, it } from "vitest";
import { validateScenario } from "../scenario/validate.ts";
import { assembleDraft } from "./assemble-draft.ts";
import type { DraftClaim, DraftResponse } from "./draft-response.ts";

// Two invented articles that disagree on one number, and answers a model could give.
const A =
  "Alba holds most of the votes. Alba wants the tax cut to 10 percent and says it \u2018matters above all\u2019. Bey wants no cut at all, but cares little.";
const B =
  "Alba's grip has weakened.\nAlba would settle for a cut to 20 percent. Bey will fight any cut hard.";
const claim = (value: number, quote: string): DraftClaim => ({ value, quote, note: "n" });
const blank = (title: string): DraftResponse => ({
  source: { title, author: null, outlet: null, date: null },
  actors: [],
  issues: [],
  stances: [],
  shocks: [],
  phases: [],
});
const first: DraftResponse = {
  ...blank("First"),
  source: { title: "First", author: "A. Writer", outlet: null, date: "2025-10-01" },
  actors: [
    {
      id: "Alba",
      name: "Alba",
      description: "",
      capability: claim(70, "Alba holds most of the votes"),
    },
    {
      id: "bey",
      name: "Bey",
      description: "The other party",
      capability: claim(30, "Bey wants no cut"),
    },
  ],
  issues: [
    {
      id: "tax",
      title: "Tax cut",
      description: "",
      minLabel: "No cut",
      maxLabel: "Cut to zero",
      marks: [
        { at: 150, label: "off the scale" },
        { at: 50, label: "Half" },
      ],
      statusQuo: claim(0, "this sentence is not in the article"),
    },
  ],
  stances: [
    {
      actor: "alba",
      issue: "tax",
      position: claim(90, "wants the tax cut to 10 percent"),
      salience: claim(95, "says it 'matters above all'"),
    },
    {
      actor: "bey",
      issue: "tax",
      position: claim(0, "Bey wants no cut at all"),
      salience: claim(20, "but cares little"),
    },
    { actor: "ghost", issue: "tax", position: claim(5, "Bey wants"), salience: null },
  ],
  shocks: [
    {
      id: "walkout",
      title: "Walkout",
      description: "",
      probability: claim(0.2, "cares little"),
      effects: [{ kind: "shift-position", actors: ["bey"], issues: ["tax"], amount: 10 }],
    },
  ],
  phases: [
    { id: "talks", title: "Talks", description: "", actors: ["alba", "bey"], issues: ["tax"] },
  ],
};
const second: DraftResponse = {
  ...blank("Second"),
  actors: [
    {
      id: "alba",
      name: "Alba again",
      description: "",
      capability: claim(140, "Alba's grip has weakened."),
    },
  ],
  stances: [
    {
      actor: "alba",
      issue: "tax",
      position: claim(80, "Alba would settle for a cut to 20 percent."),
      salience: claim(96, "Alba's grip has weakened. Alba would settle"),
    },
    {
      actor: "bey",
      issue: "tax",
      position: claim(0, "will fight any cut"),
      salience: claim(90, "x".repeat(201)),
    },
  ],
  phases: [
    { id: "talks", title: "Talks again", description: "", actors: ["alba"], issues: ["tax"] },
  ],
};
const articles = [
  { id: "first", locator: "first.txt", text: A },
  { id: "second", locator: "second.txt", text: B },
];
const options = {
  id: "tax-draft",
  title: "Tax draft",
  asOf: "2025-10-02",
  today: "2026-12-04",
  model: "scripted",
};

describe("assembleDraft", () => {
  const draft = assembleDraft(articles, [first, second], options);

  it("keeps each source's estimate separately, never averaged", () => {
    const alba = draft.stances.find((s) => s.actor === "alba");
    expect(alba?.position).toEqual([
      { value: 90, source: "first", note: "n", quote: "wants the tax cut to 10 percent" },
      {
        value: 80,
        source: "second",
        note: "n",
        quote: "Alba would settle for a cut to 20 percent.",
      },
    ]);
    expect(alba?.salience).toHaveLength(2);
  });

  it("drops every ungrounded, overlong, out-of-range or dangling number with its reason", () => {
    expect(draft.draft?.dropped.map((d) => [d.source, d.item, d.reason])).toEqual([
      [
        "first",
        "status quo of tax",
        "quote not found in the source (after white-space and quote-mark normalisation)",
      ],
      ["second", "capability of alba", "value 140 outside the allowed range, above 0 to 100"],
      ["first", "position of ghost on tax", "unknown actor ghost: no article defines it"],
      ["second", "salience of bey on tax", "quote longer than 200 characters (201)"],
    ]);
    expect(draft.draft?.dropped[3]?.quote).toHaveLength(200);
  });

  it("grounds quotes across a line break and typographic quote marks", () => {
    const alba = draft.stances.find((s) => s.actor === "alba");
    expect(Array.isArray(alba?.salience) && alba.salience.map((e) => e.source)).toEqual([
      "first",
      "second",
    ]);
  });

  it("takes ids, names and scales from the first article and lists where phases come from", () => {
    expect(draft.actors.map((a) => [a.id, a.name])).toEqual([
      ["alba", "Alba"],
      ["bey", "Bey"],
    ]);
    expect(draft.issues[0]?.scale.marks).toEqual([{ at: 50, label: "Half" }]);
    expect(draft.issues[0]?.statusQuo).toBeUndefined();
    expect(draft.phases).toEqual([
      {
        id: "talks",
        title: "Talks",
        actors: ["alba", "bey"],
        issues: ["tax"],
        sources: ["first", "second"],
      },
    ]);
    expect(draft.sources[0]).toEqual({
      id: "first",
      title: "First",
      author: "A. Writer",
      date: "2025-10-01",
      locator: "first.txt",
    });
  });

  it("flags the shock's effect sizes for review and marks the scenario as a draft that validates", () => {
    expect(draft.draft?.review).toEqual([
      expect.stringMatching(/^shock walkout: the size of its effects/),
    ]);
    expect(draft.draft?.model).toBe("scripted");
    const checked = validateScenario(draft);
    expect(checked.issues).toEqual([]);
  });

  it("removes what dropped numbers leave incomplete, and says why", () => {
    const lonely: DraftResponse = {
      ...blank("Only"),
      actors: [{ id: "alba", name: "Alba", description: "", capability: claim(50, "nowhere") }],
      issues: [
        {
          id: "tax",
          title: "Tax",
          description: "",
          minLabel: "a",
          maxLabel: "b",
          marks: [],
          statusQuo: null,
        },
      ],
      stances: [
        {
          actor: "alba",
          issue: "tax",
          position: claim(10, "Alba holds"),
          salience: claim(10, "Alba holds"),
        },
      ],
    };
    const d = assembleDraft([articles[0] as (typeof articles)[0]], [lonely], options);
    expect(d.stances).toEqual([]);
    expect(d.draft?.dropped.map((x) => x.item)).toEqual([
      "capability of alba",
      "actor alba",
      "stance of alba on tax",
      "issue tax",
    ]);
  });

  it("lets a stance name an actor that a later article defines", () => {
    const early: DraftResponse = {
      ...first,
      stances: [
        ...first.stances,
        {
          actor: "cee",
          issue: "tax",
          position: claim(40, "Bey wants"),
          salience: claim(50, "cares little"),
        },
      ],
    };
    const late: DraftResponse = {
      ...second,
      actors: [{ id: "cee", name: "Cee", description: "", capability: claim(10, "Alba's grip") }],
    };
    const d = assembleDraft(articles, [early, late], options);
    expect(d.stances.map((s) => s.actor)).toEqual(["alba", "bey", "cee"]);
    expect(d.draft?.dropped.map((x) => x.item)).not.toContain("position of cee on tax");
  });

  it("dates the draft by the latest article date, else today, unless given a date", () => {
    expect(draft.asOf).toBe("2025-10-02");
    const { asOf: _, ...undated } = options;
    expect(assembleDraft(articles, [first, second], undated).asOf).toBe("2025-10-01");
    expect(assembleDraft(articles, [second, second], undated).asOf).toBe("2026-12-04");
  });

  it("refuses answers that do not match the articles one to one", () => {
    expect(() => assembleDraft(articles, [first], options)).toThrow(/one answer per article/);
  });
});
