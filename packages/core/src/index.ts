export {
  type ForecastModel,
  type ForecastTable,
  forecastScenario,
  type IssueForecastRow,
} from "./forecast.ts";
export { compromise, weightedMean } from "./models/compromise.ts";
export {
  type IssueForecast,
  type Model,
  ModelInputError,
  type ModelResult,
  perIssueModel,
  type Round,
  type RunOptions,
} from "./models/model.ts";
export {
  type ParamSpec,
  type ParamValue,
  type ParamValues,
  resolveParams,
} from "./models/params.ts";
export { getModel, models } from "./models/registry.ts";
export { type MedianTie, weightedMedian, weightedMedianModel } from "./models/weighted-median.ts";
export { centralValue, estimateSources } from "./scenario/estimate.ts";
export { scenarioJsonSchema } from "./scenario/json-schema.ts";
export { type IssueData, prepareScenario, type ScenarioData } from "./scenario/prepare.ts";
export * from "./scenario/schema.ts";
export {
  type Path,
  show,
  type ValidationIssue,
  type ValidationResult,
  validateScenario,
} from "./scenario/validate.ts";
export { type ErrorSummary, summariseErrors } from "./scores/error-summary.ts";
