#!/usr/bin/env node
"use strict";
// The compiled CLI, bundled into one file (lib/cli/focus-check.js, built by `npm ci` through
// the prepare script, and by `npm run build:cli`).
require("../lib/cli/focus-check.js").main();
