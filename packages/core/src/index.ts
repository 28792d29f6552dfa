export { MIN_MARGIN_SCALE, marginScale } from "./agreement/margin-scale.ts";
export { type MaxMinGain, maxMinGain } from "./agreement/max-min-gain.ts";
export type { MaxMinGainProblem } from "./agreement/max-min-gain-problem.ts";
export { createMaxMinGainWorkspace } from "./agreement/max-min-gain-workspace.ts";
export {
  agreementProbability,
  type PhaseAgreement,
  phaseAgreements,
  type SettlementOption,
  settlementMargin,
  uncheckedPhases,
} from "./agreement/phase-agreement.ts";
export { baselinePredictive } from "./calibration/baseline-predictive.ts";
export { CalibrationSchema, validateCalibration } from "./calibration/calibration-schema.ts";
export { DEU3_CALIBRATION } from "./calibration/deu3-calibration.ts";
export {
  cdfAt,
  centralInterval,
  centralLevelOf,
  type Distribution,
  distributionOf,
  mixDistributions,
  type Piece,
  quantileAt,
} from "./calibration/distribution.ts";
export {
  type CalibrationMethod,
  type CalibrationRecord,
  DEFAULT_CALIBRATION_METHOD,
  fitModelCalibration,
} from "./calibration/fit-model-calibration.ts";
export {
  type Calibration,
  type CalibrationProvenance,
  INTERVAL_LEVELS,
  type IntervalLevel,
  type ModelCalibration,
} from "./calibration/model-calibration.ts";
export { distinctPositions, nearestPositions } from "./calibration/nearest-positions.ts";
export { positionSpread } from "./calibration/position-spread.ts";
export {
  addPredictiveAtLeast,
  drawPredictive,
  gapKnot,
  type IssueShape,
  issueShape,
  type Predictive,
  type PredictiveInput,
  predictive,
  predictiveAt,
  predictiveAtLeast,
  predictiveDistribution,
} from "./calibration/predictive-distribution.ts";
export {
  type AdditiveUtility,
  type AdditiveUtilitySpec,
  additiveUtility,
  statusQuoUtility,
  utilityOf,
  utilityRanges,
} from "./deals/additive-utility.ts";
export {
  type Concession,
  type IssueChange,
  type Logroll,
  type OptionRef,
  optionRef,
  singleIssueMoves,
  startingOptions,
  whatCanAOfferB,
} from "./deals/concessions.ts";
export {
  convexFrontier,
  distanceToHull,
  type HullFrontier,
  type HullPoint,
  hullEgalitarianPoint,
  hullKalaiSmorodinskyPoint,
  hullNashPoint,
} from "./deals/convex-frontier.ts";
export {
  analyseDeals,
  assessOutcome,
  type DealAnalysis,
  type DealPoint,
  type OutcomeAssessment,
} from "./deals/deal-analysis.ts";
export { type DealOptions, dealAnalysis, dealOptions, dealParams } from "./deals/deal-options.ts";
export { descendingOrder } from "./deals/descending-order.ts";
export {
  assertEnumerable,
  DEFAULT_MAX_OUTCOMES,
  evaluateInto,
  evaluateOutcomes,
} from "./deals/evaluate-outcomes.ts";
export { distanceToFrontier, distanceToPoint } from "./deals/frontier-distance.ts";
export {
  type GeniusDealSpace,
  type GeniusDuplicates,
  type GeniusIssue,
  type GeniusItem,
  type GeniusProblem,
  type GeniusUtilitySpace,
  type GeniusWeight,
  geniusDealSpace,
  type SourceLocation,
} from "./deals/genius-space.ts";
export { type GeniusWebProblem, geniusWebDealSpace } from "./deals/geniusweb-space.ts";
export { type KsConvention, kalaiSmorodinskyPoint } from "./deals/kalai-smorodinsky-point.ts";
export { nashPoint } from "./deals/nash-point.ts";
export { opposition } from "./deals/opposition.ts";
export {
  categoricalIssue,
  type DealIssue,
  decodeOutcome,
  describeOutcome,
  encodeOutcome,
  gridIssue,
  gridValues,
  type IssueStatusQuo,
  type OutcomePart,
  type OutcomeSpace,
  outcomeSpace,
  statusQuoOptions,
  statusQuoOutcome,
} from "./deals/outcome-space.ts";
export { type PackagePath, type PathStep, packagePath } from "./deals/package-path.ts";
export { dominates, paretoFrontier } from "./deals/pareto-frontier.ts";
export {
  type Frontier,
  type FrontierPoints,
  frontierOf,
  frontierPoints,
  paretoOutcomes,
  undominatedOptions,
} from "./deals/pareto-outcomes.ts";
export {
  DEFAULT_GRID_POINTS,
  type ScenarioDealOptions,
  type ScenarioDealSpace,
  scenarioDealSpace,
} from "./deals/scenario-deal-space.ts";
export {
  candidateCount,
  countRational,
  isRational,
  type SolutionPoint,
  utilitiesAt,
} from "./deals/solution-point.ts";
export {
  lossValue,
  optionValues,
  type ValueFunction,
  type ValueLoss,
  valueAt,
} from "./deals/value-function.ts";
export { egalitarianPoint, maxWelfarePoint } from "./deals/welfare-point.ts";
export {
  type PartySlack,
  type RobustPackage,
  type WinSet,
  type WinSetScope,
  winSet,
} from "./deals/win-set.ts";
export { assembleDraft, type DraftArticle, type DraftOptions } from "./draft/assemble-draft.ts";
export { draftFrame } from "./draft/draft-frame.ts";
export { draftId } from "./draft/draft-id.ts";
export { type ChatMessage, type DraftFrame, draftMessages } from "./draft/draft-prompt.ts";
export {
  DraftClaim,
  DraftResponse,
  draftResponseJsonSchema,
  parseDraftResponse,
} from "./draft/draft-response.ts";
export {
  applyDraftReview,
  type DraftDecision,
  type DraftItem,
  draftItems,
} from "./draft/draft-review.ts";
export { type GroundingText, groundingText, quoteIsGrounded } from "./draft/ground-quote.ts";
export { normaliseQuote } from "./draft/normalise-quote.ts";
export { pruneDraft } from "./draft/prune-draft.ts";
export {
  type ForecastModel,
  type ForecastTable,
  forecastScenario,
  forecastTableOf,
  type IssueForecastRow,
  type ModelSteps,
  modelSteps,
} from "./forecast.ts";
export {
  FORECASTER_KINDS,
  type ForecastEntry,
  type ForecasterKind,
  type ForecastScenario,
  type LedgerEntry,
  type LedgerRecord,
  type RecordedDistribution,
  type ResolutionEntry,
} from "./ledger/ledger-entry.ts";
export {
  type EntryProblem,
  isIsoDate,
  ledgerEntryProblems,
} from "./ledger/ledger-entry-problems.ts";
export {
  type LedgerQuestion,
  ledgerQuestions,
  type QuestionForecast,
  standingForecasts,
} from "./ledger/ledger-questions.ts";
export {
  recordDistribution,
  recordedDistribution,
} from "./ledger/recorded-distribution.ts";
export {
  FIFTY_FIFTY,
  type ForecasterScore,
  type LedgerScores,
  referenceName,
  type ScoreGrouping,
  scoreLedger,
} from "./ledger/score-ledger.ts";
export type { Loss } from "./models/bargaining.ts";
export { compromise, weightedMean } from "./models/compromise.ts";
export { eumRoundDiagnostics } from "./models/eum/diagnostics.ts";
export { type EumMove, eum } from "./models/eum/eum.ts";
export { type EumOptions, eumParams, eumPresets } from "./models/eum/options.ts";
export { simulateEum } from "./models/eum/simulate.ts";
export {
  type ExchangeRecord,
  exchange,
  expectedTrades,
} from "./models/exchange/exchange.ts";
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
export {
  defaultSimulationModels,
  getModel,
  models,
  registerModel,
} from "./models/registry.ts";
export { runSmp } from "./models/smp/run-smp.ts";
export { smpModel } from "./models/smp/smp-model.ts";
export { type MedianTie, weightedMedian, weightedMedianModel } from "./models/weighted-median.ts";
export { type CompiledQuestion, compileQuestion } from "./outcome/compile-question.ts";
export {
  type ForecastOutcomeOptions,
  forecastOutcomes,
  type IssueOutcome,
  type OutcomeForecasts,
} from "./outcome/forecast-outcomes.ts";
export { type HeadlineInput, issueHeadline, percent, pointLabel } from "./outcome/headline.ts";
export {
  drawOutcome,
  type LawPart,
  lawAtLeastAll,
  lawDistribution,
  type OutcomeLaw,
  outcomeLaw,
} from "./outcome/outcome-law.ts";
export { type DecidedStep, questionProbability } from "./outcome/question-probability.ts";
export {
  finalForecasts,
  forecastPhased,
  type PhaseData,
  type PhaseStep,
  phaseData,
  phasedSteps,
} from "./phases.ts";
export { hashString, mix32, randomStream } from "./random/stream.ts";
export { type Rng, xoshiro128ss } from "./random/xoshiro128.ts";
export { scaleCapabilities } from "./scenario/capability-scale.ts";
export { diffScenarios, type ScenarioChange } from "./scenario/diff.ts";
export { centralValue, estimateSources } from "./scenario/estimate.ts";
export { scenarioJsonSchema } from "./scenario/json-schema.ts";
export { type IssueData, prepareScenario, type ScenarioData } from "./scenario/prepare.ts";
export { recordKey } from "./scenario/record-key.ts";
export { restrictActors } from "./scenario/restrict.ts";
export { sameValue } from "./scenario/same-value.ts";
export * from "./scenario/schema.ts";
export { show } from "./scenario/show.ts";
export { type ValidationResult, validateScenario } from "./scenario/validate.ts";
export type { Path, ValidationIssue } from "./scenario/validation-issue.ts";
export { brierScore } from "./scores/brier-score.ts";
export { type CalibrationBin, calibrationTable } from "./scores/calibration-table.ts";
export { crps } from "./scores/crps.ts";
export { type ErrorSummary, summariseErrors } from "./scores/error-summary.ts";
export { logScore } from "./scores/log-score.ts";
export { type MurphyDecomposition, murphyDecomposition } from "./scores/murphy-decomposition.ts";
export { addPit } from "./scores/pit-histogram.ts";
export {
  intervalsAt,
  type ProbabilisticForecast,
  type ProbabilisticSummary,
  summariseProbabilistic,
} from "./scores/probabilistic-summary.ts";
export { wilsonInterval } from "./scores/wilson-interval.ts";
export {
  type CompiledSimulation,
  compileSimulation,
} from "./uncertainty/compile-simulation.ts";
export { emptySummary } from "./uncertainty/empty-summary.ts";
export { addExact, canonicalExact, mergeExact, valueExact } from "./uncertainty/exact-sum.ts";
export { inputName } from "./uncertainty/input-name.ts";
export {
  bandBoundaries,
  bandCentres,
  bandProbabilities,
  type OutcomeBand,
} from "./uncertainty/outcome-points.ts";
export {
  type DistributionReport,
  type Estimated,
  histogramInverseQuantile,
  histogramQuantile,
  type OutcomeReport,
  outcomeBins,
  type SimulationReport,
  simulationReport,
} from "./uncertainty/report.ts";
export { type ShockData, sampleScenario, shockData } from "./uncertainty/sample-scenario.ts";
export { type SampleOutcomes, samplingState } from "./uncertainty/sampling-state.ts";
export { scenarioHash } from "./uncertainty/scenario-hash.ts";
export {
  type IssueSensitivity,
  SENSITIVITY_BASE_SAMPLES,
  sensitivity,
} from "./uncertainty/sensitivity.ts";
export { runShard, SHARD_SIZE, shardCount } from "./uncertainty/simulate.ts";
export type { SimulationPlan } from "./uncertainty/simulation-plan.ts";
export type { SimulationSummary } from "./uncertainty/simulation-summary.ts";
export { mergeSummaries, missingShards } from "./uncertainty/summary.ts";
export {
  type InputTarget,
  type RangeDistribution,
  triangularQuantile,
  type UncertainInput,
  uncertainInputs,
} from "./uncertainty/uncertain-inputs.ts";
