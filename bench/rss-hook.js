// Preloaded into the CLI under benchmark (node --require): reports the process's peak RSS on exit.
process.on("exit", () => process.stderr.write(`\nRSS ${process.resourceUsage().maxRSS}\n`));
