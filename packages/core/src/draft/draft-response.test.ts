import { describe, expect, it } from "vitest";
import { draftId } from "./draft-id.ts";
import { draftResponseJsonSchema, parseDraftResponse } from "./draft-response.ts";

const ok = {
  source: { title: "T", author: null, outlet: null, date: null },
  actors: [],
  issues: [],
  stances: [],
  shocks: [],
  phases: [],
};

describe("parseDraftResponse", () => {
  it("reads plain JSON and JSON inside a ```json fence", () => {
    expect(parseDraftResponse(JSON.stringify(ok))).toEqual({ ok: true, response: ok });
    expect(parseDraftResponse(`\`\`\`json\n${JSON.stringify(ok)}\n\`\`\``).ok).toBe(true);
  });

  it("says why an answer is malformed: not JSON, or not the requested shape", () => {
    expect(parseDraftResponse('{"source": ')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^not JSON/),
    });
    expect(parseDraftResponse(JSON.stringify({ ...ok, actors: [{ id: "a" }] }))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^not the requested shape: actors\.0\.name/),
    });
  });
});

describe("draftResponseJsonSchema", () => {
  it("is a strict-mode schema: every object closed and every property required", () => {
    const objects: Record<string, unknown>[] = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        if (o.type === "object") objects.push(o);
        Object.values(o).forEach(walk);
      }
    };
    const schema = draftResponseJsonSchema();
    walk(schema);
    expect(schema.$schema).toBeUndefined();
    expect(objects.length).toBeGreaterThan(8);
    for (const o of objects) {
      expect(o.additionalProperties).toBe(false);
      expect(new Set(o.required as string[])).toEqual(new Set(Object.keys(o.properties as object)));
    }
  });
});

describe("draftId", () => {
  it("makes a scenario id of anything a model writes", () => {
    expect(draftId("United States")).toBe("united-states");
    expect(draftId("2nd round")).toBe("x-2nd-round");
    expect(draftId("Orbán")).toBe("orban");
    expect(draftId("")).toBe("x-id");
    expect(draftId("a".repeat(80))).toHaveLength(64);
  });
});
