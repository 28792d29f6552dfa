/**
 * The editor's forms, declared: each section of the scenario format is a list of records, and
 * each record a list of fields of a few kinds. Adding a section (questions, say) is one more
 * entry in {@link SECTIONS}; the form, validation messages, add/remove and id renames follow.
 * @module
 */
import type { Scenario } from "@entente/core";
import type { Step } from "./draft-paths.ts";
import { freshId, type RefKind } from "./scenario-refs.ts";

/** One input of a form; `key` is a path inside the record (`["scale", "min"]`). */
export type Field =
  | { kind: "text"; key: Step[]; label: string; optional?: boolean; long?: boolean; hint?: string }
  | { kind: "date"; key: Step[]; label: string; optional?: boolean }
  | { kind: "number"; key: Step[]; label: string; optional?: boolean; hint?: string }
  | { kind: "choice"; key: Step[]; label: string; choices: readonly string[] }
  | {
      kind: "estimate";
      key: Step[];
      label: string;
      optional?: boolean;
      hint?: string;
      /** The range a value must lie in, for moving ranges along with the value. */
      bounds: (record: Record<string, unknown>, scenario: Scenario) => [number, number];
    }
  | { kind: "refs"; key: Step[]; label: string; of: RefKind; hint?: string }
  /** One id of `of`, chosen from a list. */
  | { kind: "ref"; key: Step[]; label: string; of: RefKind }
  /** A question's condition (`Predicate`): issue ranges, agreements, all / any / not. */
  | { kind: "predicate"; key: Step[]; label: string }
  | {
      kind: "list";
      key: Step[];
      label: string;
      /** One item, for the add button ("mark"). */
      noun: string;
      /** The fields of one item (they may depend on the item, e.g. a shock effect's kind). */
      fields: (item: Record<string, unknown>) => Field[];
      make: (scenario: Scenario) => Record<string, unknown>;
      itemLabel: (item: Record<string, unknown>, index: number) => string;
      hint?: string;
    };

/** A section of the editor: one top-level list of the scenario. */
export interface Section {
  id: "sources" | "actors" | "issues" | "shocks" | "phases" | "questions";
  title: string;
  /** The singular, for buttons ("Add actor"). */
  noun: string;
  hint: string;
  /** When the records' ids are referred to elsewhere: renames and removals follow them. */
  refKind?: RefKind;
  fields: Field[];
  make: (scenario: Scenario) => Record<string, unknown>;
  label: (record: Record<string, unknown>) => string;
}

const k = (...key: Step[]) => key;
const scaleOf = (record: Record<string, unknown>): [number, number] => {
  const scale = record.scale as { min?: unknown; max?: unknown } | undefined;
  const min = typeof scale?.min === "number" ? scale.min : 0;
  const max = typeof scale?.max === "number" ? scale.max : 100;
  return [min, max];
};
const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((x) => x.id);

/** The scenario's own fields (not a list). */
export const SCENARIO_FIELDS: Field[] = [
  { kind: "text", key: k("title"), label: "Title" },
  { kind: "date", key: k("asOf"), label: "As of (the date the numbers describe)" },
  { kind: "text", key: k("description"), label: "Description", optional: true, long: true },
];

const EFFECT_KINDS = [
  "shift-position",
  "scale-salience",
  "scale-capability",
  "remove-actor",
] as const;

function effectFields(item: Record<string, unknown>): Field[] {
  const kind: Field = {
    kind: "choice",
    key: k("kind"),
    label: "What it does",
    choices: EFFECT_KINDS,
  };
  const actors: Field = {
    kind: "refs",
    key: k("actors"),
    label: "Actors",
    of: "actor",
    hint: item.kind === "remove-actor" ? "at least one" : "none ticked: every actor",
  };
  const issues: Field = {
    kind: "refs",
    key: k("issues"),
    label: "Issues",
    of: "issue",
    hint: "none ticked: every issue",
  };
  switch (item.kind) {
    case "shift-position":
      return [
        kind,
        actors,
        issues,
        { kind: "number", key: k("by"), label: "Shift by (issue units)" },
      ];
    case "scale-salience":
      return [
        kind,
        actors,
        issues,
        { kind: "number", key: k("factor"), label: "Multiply salience by" },
      ];
    case "scale-capability":
      return [kind, actors, { kind: "number", key: k("factor"), label: "Multiply capability by" }];
    default:
      return [kind, actors];
  }
}

/** Every list section, in the order the editor shows them. */
export const SECTIONS: readonly Section[] = [
  {
    id: "sources",
    title: "Sources",
    noun: "source",
    hint: "Where the numbers come from. Cite them on any number (its “range & sources” form) so every figure can be traced.",
    refKind: "source",
    fields: [
      { kind: "text", key: k("title"), label: "Title" },
      { kind: "text", key: k("author"), label: "Author", optional: true },
      { kind: "text", key: k("outlet"), label: "Outlet", optional: true },
      { kind: "date", key: k("date"), label: "Date", optional: true },
      { kind: "text", key: k("locator"), label: "File, URL or DOI" },
      { kind: "text", key: k("note"), label: "Note", optional: true, long: true },
    ],
    make: (s) => ({ id: freshId("source", ids(s.sources)), title: "New source", locator: "" }),
    label: (r) => String(r.title ?? r.id),
  },
  {
    id: "actors",
    title: "Actors",
    noun: "actor",
    hint: "The parties. Capability is relative influence on the outcome: only ratios matter.",
    refKind: "actor",
    fields: [
      { kind: "text", key: k("name"), label: "Name" },
      {
        kind: "estimate",
        key: k("capability"),
        label: "Capability",
        bounds: () => [0, Number.MAX_VALUE],
      },
      { kind: "text", key: k("description"), label: "Description", optional: true, long: true },
    ],
    make: (s) => ({ id: freshId("actor", ids(s.actors)), name: "New actor", capability: 10 }),
    label: (r) => String(r.name ?? r.id),
  },
  {
    id: "issues",
    title: "Issues",
    noun: "issue",
    hint: "Each issue is a scale with named ends. Ratifiers must also accept a deal on it.",
    refKind: "issue",
    fields: [
      { kind: "text", key: k("title"), label: "Title" },
      { kind: "number", key: k("scale", "min"), label: "Scale low end" },
      { kind: "number", key: k("scale", "max"), label: "Scale high end" },
      { kind: "text", key: k("scale", "unit"), label: "Unit", optional: true },
      { kind: "text", key: k("scale", "minLabel"), label: "Low end means" },
      { kind: "text", key: k("scale", "maxLabel"), label: "High end means" },
      {
        kind: "list",
        key: k("scale", "marks"),
        label: "Marks (labelled points)",
        noun: "mark",
        fields: () => [
          { kind: "number", key: k("at"), label: "At" },
          { kind: "text", key: k("label"), label: "Label" },
        ],
        make: () => ({ at: 50, label: "Midpoint" }),
        itemLabel: (m) => `Mark “${String(m.label ?? "")}”`,
      },
      {
        kind: "estimate",
        key: k("statusQuo"),
        label: "Status quo",
        optional: true,
        bounds: scaleOf,
      },
      { kind: "refs", key: k("ratifiers"), label: "Ratifiers", of: "actor" },
      {
        kind: "estimate",
        key: k("outcome"),
        label: "Actual outcome (when known)",
        optional: true,
        bounds: scaleOf,
      },
      { kind: "text", key: k("description"), label: "Description", optional: true, long: true },
    ],
    make: (s) => ({
      id: freshId("issue", ids(s.issues)),
      title: "New issue",
      scale: { min: 0, max: 100, minLabel: "Low end", maxLabel: "High end" },
      statusQuo: 50,
    }),
    label: (r) => String(r.title ?? r.id),
  },
  {
    id: "shocks",
    title: "Shocks",
    noun: "shock",
    hint: "Events that may happen, with their chance and what they change when they do.",
    fields: [
      { kind: "text", key: k("title"), label: "Title" },
      {
        kind: "estimate",
        key: k("probability"),
        label: "Probability (0–1)",
        bounds: () => [0, 1],
      },
      {
        kind: "list",
        key: k("effects"),
        label: "Effects",
        noun: "effect",
        fields: effectFields,
        make: () => ({ kind: "shift-position", by: 10 }),
        itemLabel: (e, i) => `Effect ${i + 1}: ${String(e.kind)}`,
      },
      { kind: "text", key: k("description"), label: "Description", optional: true, long: true },
    ],
    make: (s) => ({
      id: freshId("shock", ids(s.shocks)),
      title: "New shock",
      probability: 0.2,
      effects: [{ kind: "shift-position", by: 10 }],
    }),
    label: (r) => String(r.title ?? r.id),
  },
  {
    id: "phases",
    title: "Phases",
    noun: "phase",
    hint: "Ordered steps of the talks: who sits at the table on which issues. A phase's forecast is the next one's status quo.",
    refKind: "phase",
    fields: [
      { kind: "text", key: k("title"), label: "Title" },
      { kind: "refs", key: k("actors"), label: "Actors at the table", of: "actor" },
      { kind: "refs", key: k("issues"), label: "Issues", of: "issue" },
      { kind: "refs", key: k("sources"), label: "Sources", of: "source" },
      {
        kind: "estimate",
        key: k("agreement", "probability"),
        label: "Analysts' chance of agreement (0–1)",
        optional: true,
        bounds: () => [0, 1],
      },
      { kind: "text", key: k("description"), label: "Description", optional: true, long: true },
    ],
    make: (s) => ({
      id: freshId("phase", ids(s.phases)),
      title: "New phase",
      actors: s.actors.map((a) => a.id),
      issues: s.issues.map((i) => i.id),
    }),
    label: (r) => String(r.title ?? r.id),
  },
  {
    id: "questions",
    title: "Questions",
    noun: "question",
    hint: "Yes/no questions about the outcome: when the answer is yes, and the probabilities the sources state. Simulations give each model's probability; the forecast ledger records and scores them.",
    fields: [
      { kind: "text", key: k("title"), label: "The question, as asked" },
      { kind: "predicate", key: k("when"), label: "The answer is yes when" },
      {
        kind: "list",
        key: k("estimates"),
        label: "Sources' probabilities",
        noun: "source's probability",
        fields: () => [
          { kind: "number", key: k("probability"), label: "Probability (0–1)" },
          { kind: "ref", key: k("source"), label: "Source", of: "source" },
          {
            kind: "text",
            key: k("note"),
            label: "How its words map to this question",
            optional: true,
          },
        ],
        make: (s) => ({ probability: 0.5, source: s.sources[0]?.id ?? "" }),
        itemLabel: (_, i) => `Estimate ${i + 1}`,
      },
      { kind: "text", key: k("description"), label: "Description", optional: true, long: true },
    ],
    make: (s) => ({
      id: freshId("question", ids(s.questions)),
      title: "New question",
      when: { issue: s.issues[0]?.id ?? "", atLeast: 50 },
    }),
    label: (r) => String(r.title ?? r.id),
  },
];
