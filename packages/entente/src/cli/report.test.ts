import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { entente } from "../../../../test/support/cli.ts";

const fixture = new URL("../../../../test/fixtures/report/harbour-talks.yaml", import.meta.url)
  .pathname;
const dir = mkdtempSync(join(tmpdir(), "entente-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("entente report", () => {
  it("writes Markdown and HTML, the format chosen by the extension", async () => {
    const md = join(dir, "brief.md");
    const r = await entente("report", fixture, "-n", "200", "-w", "0", "-o", md);
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(md, "utf8")).toMatch(/^# Harbour wage talks \(test fixture\)\n/);
    const html = join(dir, "brief.html");
    expect((await entente("report", fixture, "-n", "200", "-w", "0", "-o", html)).code).toBe(0);
    expect(readFileSync(html, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("refuses to replace a file without --force, and keeps it intact", async () => {
    const out = join(dir, "kept.html");
    writeFileSync(out, "my notes");
    const r = await entente("report", fixture, "-n", "100", "-w", "0", "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("exists; add --force to replace it");
    expect(readFileSync(out, "utf8")).toBe("my notes");
    const forced = await entente("report", fixture, "-n", "100", "-w", "0", "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("exits 2 with a clear message on a bad extension, unknown principals or no Chromium", async () => {
    const bad = await entente("report", fixture, "-o", join(dir, "brief.docx"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("expected .html, .pdf or .md");
    const between = await entente(
      "report",
      fixture,
      "-n",
      "100",
      "-w",
      "0",
      "--between",
      "port,nobody",
      "-o",
      join(dir, "b.md"),
    );
    expect(between.code).toBe(2);
    expect(between.stderr).toContain("each one of port, union, city");
    const saved = process.env.ENTENTE_CHROMIUM;
    process.env.ENTENTE_CHROMIUM = join(dir, "no-chromium-here");
    try {
      const pdf = await entente("report", fixture, "-o", join(dir, "brief.pdf"));
      expect(pdf.code).toBe(2);
      expect(pdf.stderr).toContain("a PDF needs Chromium");
      expect(pdf.stderr).toContain("need no browser");
      expect(pdf.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, "brief.pdf"))).toBe(false);
      // A directory is not a browser either.
      process.env.ENTENTE_CHROMIUM = dir;
      const folder = await entente("report", fixture, "-o", join(dir, "brief.pdf"));
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain("is not a file");
    } finally {
      if (saved === undefined) delete process.env.ENTENTE_CHROMIUM;
      else process.env.ENTENTE_CHROMIUM = saved;
    }
  });
});
