import text from "../../../scenarios/budapest-2025.yaml?raw";

/** The built-in Budapest 2025 scenario as shipped, for "new from the built-in scenario". */
export const budapestYaml: string = text;
