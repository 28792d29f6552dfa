export { run } from "./cli/program.ts";
export { type Diagnostic, formatDiagnostic, InputError } from "./io/diagnostic.ts";
export { type LoadedScenario, parseScenario, readScenario } from "./io/read-scenario.ts";
