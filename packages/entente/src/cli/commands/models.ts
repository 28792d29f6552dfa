import { Command } from "@commander-js/extra-typings";
import { models } from "@entente/core";
import type { CliIO } from "../io.ts";

/** `entente models`: every model with its source, presets and parameters. */
export function modelsCommand(io: CliIO) {
  return new Command("models")
    .description("list the models with their sources, presets and parameters")
    .action(() => {
      const lines: string[] = [];
      for (const m of models) {
        lines.push(`${m.id} — ${m.label}${m.dynamic ? " (dynamic)" : ""}`, `  ${m.reference}`);
        const presets = Object.keys(m.presets ?? {});
        if (presets.length) lines.push(`  presets: ${presets.join(", ")} (default ${presets[0]})`);
        for (const p of m.params) {
          const allowed =
            p.kind === "enum"
              ? p.values.join(" | ")
              : p.kind === "boolean"
                ? "true | false"
                : `${p.kind}${p.min !== undefined || p.max !== undefined ? ` ${p.min ?? "-∞"}..${p.max ?? "∞"}` : ""}`;
          lines.push(`  --param ${p.name}=<${allowed}>  default ${p.default}: ${p.description}`);
        }
        lines.push("");
      }
      io.stdout(`${lines.join("\n").trimEnd()}\n`);
    });
}
