// Run the entente CLI with the given arguments, then print this process's peak resident set
// (worker threads included) on stderr as "peak-rss <kB>", for the benchmarks.
process.on("exit", () => {
  process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\n`);
});
process.argv = [process.argv[0] as string, "entente", ...process.argv.slice(2)];
await import("../packages/entente/src/cli/main.ts");
