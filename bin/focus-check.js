#!/usr/bin/env node
"use strict";
// The compiled CLI lives in lib/ (built by `npm ci` through the prepare script).
const { run } = require("../lib/src/cli/main.js");
run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  stdoutIsTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
}).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`focus-check: ${e && e.message ? e.message.split("\n")[0] : e}\n`); process.exitCode = 2; },
);
