export * from "./deal-plot.ts";
export * from "./distribution-plot.ts";
export * from "./fmt.ts";
export * from "./issue-plot.ts";
export * from "./model-colors.ts";
export * from "./tornado-plot.ts";
