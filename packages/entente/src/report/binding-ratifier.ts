/**
 * Which ratifier binds a win-set: who blocks the nearest miss, or the tightest and the most
 * blocking of the ratifiers beyond the two principals.
 * @module
 */
import type { DealsDocument } from "../format/deals.ts";
import type { BriefContext } from "./brief-context.ts";

/**
 * Which ratifier binds: the parties blocking the nearest miss when the win-set is empty; else,
 * among the ratifiers other than the two principals, the one with the least room on the most
 * robust package and the one that alone blocks the most packages.
 */
export function bindingRatifier(
  w: NonNullable<DealsDocument["winSet"]>,
  parties: readonly string[],
  ctx: BriefContext,
): string | undefined {
  if (w.nearest?.binding.length) {
    return `Who blocks: ${w.nearest.binding
      .map((x) => `${ctx.actorName(x.party)} (short by ${x.shortfall.toFixed(3)})`)
      .join(", ")} would still reject the nearest package.`;
  }
  const ratifier = (party: string) => !parties.includes(party);
  if (!w.required.some(ratifier)) {
    return "No ratifier beyond the two principals has to consent to these packages.";
  }
  const vetoes = (w.vetoes ?? []).filter((v) => v.soleVetoes > 0 && ratifier(v.party));
  const tightest = w.robust?.slacks
    ?.filter((x) => ratifier(x.party))
    .reduce<{ party: string; slack: number } | undefined>(
      (x, y) => (x === undefined || y.slack < x.slack ? y : x),
      undefined,
    );
  const parts: string[] = [];
  if (tightest) {
    parts.push(
      `on the most robust package the tightest ratifier is ${ctx.actorName(tightest.party)} (gain ${tightest.slack.toFixed(3)} over no deal)`,
    );
  } else if (w.robust) {
    parts.push("the most robust package needs no ratifier beyond the two principals");
  }
  if (vetoes.length) {
    const top = vetoes.reduce((x, y) => (y.soleVetoes > x.soleVetoes ? y : x));
    parts.push(
      `of the other ratifiers, ${ctx.actorName(top.party)} alone blocks the most packages (${top.soleVetoes.toLocaleString("en-GB")} that every other required party accepts)`,
    );
  }
  return parts.length ? `Which ratifier binds: ${parts.join("; ")}.` : undefined;
}
