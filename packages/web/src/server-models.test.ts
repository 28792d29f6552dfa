import { modelColor } from "@entente/charts";
import { models } from "@entente/core";
import { describe, expect, it } from "vitest";
import { adoptServerModels } from "./server-models.ts";

describe("adoptServerModels", () => {
  it("registers the server's plug-in models after the bundle's, each with a colour of its own", () => {
    const builtIn = models.map((m) => m.id);
    adoptServerModels([
      ...builtIn.map((id) => ({ id, label: id, dynamic: false })),
      { id: "plug-a", label: "Plug A", dynamic: false },
      { id: "plug-b", label: "Plug B", dynamic: true },
    ]);
    expect(models.map((m) => m.id)).toEqual([...builtIn, "plug-a", "plug-b"]);
    const colours = models.map((m) => modelColor(m.id));
    expect(new Set(colours).size).toBe(colours.length);
    expect(() => models.at(-1)?.run({} as never)).toThrow(/"plug-b" runs on the server only/);
    adoptServerModels([{ id: "plug-a", label: "again", dynamic: false }]);
    expect(models.filter((m) => m.id === "plug-a")).toHaveLength(1);
  });
});
