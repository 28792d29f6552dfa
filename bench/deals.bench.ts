import { analyseDeals, evaluateOutcomes, frontierOf } from "@entente/core";
import { readGeniusFiles } from "../packages/entente/src/io/genius/read-genius.ts";
import type { Benchmark } from "./harness.ts";

const domains = new URL("../test/fixtures/negotiation-domains/genius/", import.meta.url).pathname;
const ampo = await readGeniusFiles(
  ["ampo_vs_city_template.xml", "ampo_vs_city_ampo_space.xml", "ampo_vs_city_city_space.xml"].map(
    (f) => `${domains}AMPOvsCity/${f}`,
  ),
);
const politics = await readGeniusFiles(
  ["Politics.xml", "Politics_util1.xml", "Politics_util2.xml", "Politics_util3.xml"].map(
    (f) => `${domains}anac2015/Politics/${f}`,
  ),
);

/** Deal-space benchmarks on the Genius reference domains (deal-space.md §5). */
export const dealBenchmarks: Benchmark[] = [
  {
    name: "deals: AMPO vs City, enumerate 1.94 M + frontier",
    targetSeconds: 1,
    repeat: 3,
    setup: () => () => frontierOf(evaluateOutcomes(ampo.space, ampo.utilities)),
  },
  {
    name: "deals: AMPO vs City, full analysis",
    repeat: 3,
    setup: () => () => analyseDeals(ampo.space, ampo.utilities),
  },
  {
    name: "deals: Politics, 3-party frontier",
    targetSeconds: 0.5,
    setup: () => () => frontierOf(evaluateOutcomes(politics.space, politics.utilities)),
  },
];
