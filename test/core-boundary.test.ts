// packages/core must stay free of Node: `import "node:fs"` there fails type-checking and lint.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url).pathname;
const probe = `packages/core/src/__node_import_probe_${process.pid}.ts`;
const bin = (name: string) => `${root}node_modules/.bin/${name}`;

describe("packages/core boundary", () => {
  it("rejects a Node built-in import in tsc and in Biome", () => {
    writeFileSync(
      `${root}${probe}`,
      'import { readFileSync } from "node:fs";\n\nexport const probe = readFileSync;\n',
    );
    try {
      const tsc = spawnSync(bin("tsc"), ["-p", "packages/core", "--noEmit"], {
        cwd: root,
        encoding: "utf8",
      });
      expect(tsc.status).not.toBe(0);
      expect(tsc.stdout).toContain("Cannot find name 'node:fs'");
      const biome = spawnSync(bin("biome"), ["lint", probe], { cwd: root, encoding: "utf8" });
      expect(biome.status).not.toBe(0);
      expect(biome.stdout + biome.stderr).toContain("noNodejsModules");
    } finally {
      rmSync(`${root}${probe}`, { force: true });
    }
  });
});
