export {
  type ForecastModel,
  type ForecastTable,
  forecastScenario,
  type IssueForecastRow,
} from "./forecast.ts";
export type { Loss } from "./models/bargaining.ts";
export { compromise, weightedMean } from "./models/compromise.ts";
export { eumRoundDiagnostics } from "./models/eum/diagnostics.ts";
export { eum } from "./models/eum/eum.ts";
export { type EumOptions, eumParams, eumPresets } from "./models/eum/options.ts";
export { simulateEum } from "./models/eum/simulate.ts";
export { kalaiSmorodinsky } from "./models/kalai-smorodinsky.ts";
export {
  type IssueForecast,
  type Model,
  ModelInputError,
  type ModelResult,
  perIssueModel,
  type Round,
  type RunOptions,
} from "./models/model.ts";
export { nash } from "./models/nash.ts";
export {
  type ParamSpec,
  type ParamValue,
  type ParamValues,
  resolveParams,
} from "./models/params.ts";
export { pceModel } from "./models/pce/pce-model.ts";
export { getModel, models } from "./models/registry.ts";
export { runSmp } from "./models/smp/run-smp.ts";
export { smpModel } from "./models/smp/smp-model.ts";
export { type MedianTie, weightedMedian, weightedMedianModel } from "./models/weighted-median.ts";
export { forecastPhased, type PhaseData, phaseData } from "./phases.ts";
export { hashString, mix32, randomStream } from "./random/stream.ts";
export { type Rng, xoshiro128ss } from "./random/xoshiro128.ts";
export { centralValue, estimateSources } from "./scenario/estimate.ts";
export { scenarioJsonSchema } from "./scenario/json-schema.ts";
export { type IssueData, prepareScenario, type ScenarioData } from "./scenario/prepare.ts";
export { restrictActors } from "./scenario/restrict.ts";
export * from "./scenario/schema.ts";
export {
  type Path,
  show,
  type ValidationIssue,
  type ValidationResult,
  validateScenario,
} from "./scenario/validate.ts";
export { type ErrorSummary, summariseErrors } from "./scores/error-summary.ts";
export { addExact, canonicalExact, mergeExact, valueExact } from "./uncertainty/exact-sum.ts";
export {
  type DistributionReport,
  histogramQuantile,
  type SimulationReport,
  simulationReport,
} from "./uncertainty/report.ts";
export { type ShockData, sampleScenario, shockData } from "./uncertainty/sample-scenario.ts";
export { type IssueSensitivity, sensitivity } from "./uncertainty/sensitivity.ts";
export {
  type CompiledSimulation,
  compileSimulation,
  runShard,
  SHARD_SIZE,
  type SimulationPlan,
  scenarioHash,
  shardCount,
} from "./uncertainty/simulate.ts";
export {
  emptySummary,
  mergeSummaries,
  missingShards,
  type SimulationSummary,
} from "./uncertainty/summary.ts";
export {
  type InputTarget,
  type RangeDistribution,
  triangularQuantile,
  type UncertainInput,
  uncertainInputs,
} from "./uncertainty/uncertain-inputs.ts";
