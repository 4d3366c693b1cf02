#!/usr/bin/env node
/**
 * npm start. On Windows and macOS, sideload into Excel desktop the Microsoft way
 * (office-addin-debugging through npx: it is not a dependency, because it does
 * not install on Linux). Elsewhere, where no Excel desktop exists, start the
 * browser preview: the real task pane beside a live grid of the example workbook.
 */
"use strict";
const { spawn } = require("node:child_process");

const desktop = process.platform === "win32" || process.platform === "darwin";
const [command, args] = desktop
  ? [
      "npx",
      [
        "--yes",
        "office-addin-debugging",
        "start",
        "manifest.xml",
        "desktop",
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        "3000",
      ],
    ]
  : ["npm", ["run", "preview"]];

if (!desktop)
  console.log(
    "No Excel desktop on this platform: starting the browser preview instead (npm run preview)."
  );
const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
child.on("exit", (code) => process.exit(code ?? 1));
