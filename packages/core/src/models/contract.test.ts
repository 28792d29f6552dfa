// The shared model contract (model.contract.ts) for every model in the registry, under each of
// its presets.
import { contractCases, describeModelContract } from "./model.contract.ts";

describeModelContract(contractCases());
