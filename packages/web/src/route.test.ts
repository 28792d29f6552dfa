import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, type Route } from "./route.ts";

describe("parseRoute and formatRoute", () => {
  it("read back every page they write", () => {
    const routes: Route[] = [
      { page: "list" },
      { page: "ledger" },
      { page: "new" },
      { page: "draft" },
      { page: "scenario", id: "budapest 2025", tab: "deals" },
      { page: "scenario", id: "b", tab: "issues", revision: 3 },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it("reads the ledger's hash, and anything unknown as the list", () => {
    expect(formatRoute({ page: "ledger" })).toBe("#/ledger");
    expect(parseRoute("#/ledger")).toEqual({ page: "ledger" });
    expect(parseRoute("#/ledgers")).toEqual({ page: "list" });
    expect(parseRoute("")).toEqual({ page: "list" });
  });

  it("reads the draft-from-articles page's hash", () => {
    expect(formatRoute({ page: "draft" })).toBe("#/draft");
    expect(parseRoute("#/draft")).toEqual({ page: "draft" });
    expect(parseRoute("#/drafts")).toEqual({ page: "list" });
  });
});
