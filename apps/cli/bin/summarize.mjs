#!/usr/bin/env node
// Reads the vitest and Playwright JSON reports plus the exit codes of the static checks and prints one plain
// closing line, "N passed, N failed", which is what CI reads. Exit 1 if anything failed or a report is missing.
import { existsSync, readFileSync } from "node:fs";

const [vitestArg, playwrightReport, ...rest] = process.argv.slice(2);
// The vitest run is sharded (apps/cli/bin/test.sh): its first argument lists the shards' reports, comma-separated.
const vitestReports = vitestArg.split(",");
// --jest=<file>: the technician app's jest-expo report (same JSON shape as vitest's).
const jestReports = rest.filter((a) => a.startsWith("--jest=")).map((a) => a.slice("--jest=".length));
const checks = rest.filter((a) => !a.startsWith("--"));
let passed = 0;
let failed = 0;
const notes = [];

function read(file, label) {
  if (!existsSync(file)) {
    failed++;
    notes.push(`${label}: no report (${file}) — the runner crashed before reporting`);
    return undefined;
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

for (const [index, file] of vitestReports.entries()) {
  const label = vitestReports.length > 1 ? `vitest (shard ${index + 1}/${vitestReports.length})` : "vitest";
  const vitest = read(file, label);
  if (!vitest) continue;
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A file that fails to load has no test results but must not pass silently.
  const broken = (vitest.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0);
  failed += broken.length;
  for (const f of broken) notes.push(`${label}: ${f.name} failed to run: ${String(f.message).split("\n")[0]}`);
  // A run that never got to the tests (global setup threw: no database, a failed migration) reports zero failures
  // with success=false; it must not read as green.
  if (!vitest.success && vitest.numFailedTests === 0 && broken.length === 0) {
    failed++;
    notes.push(`${label}: the run failed before or outside the tests (see the log above, e.g. its global setup)`);
  } else if (vitest.numTotalTests === 0) {
    failed++;
    notes.push(`${label}: no tests ran`);
  }
  notes.push(`${label}: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests + vitest.numTodoTests} skipped`);
}
for (const file of jestReports) {
  const jest = read(file, "jest");
  if (!jest) continue;
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
  for (const f of (jest.testResults ?? []).filter((r) => r.status === "failed" && !(r.assertionResults ?? []).length)) notes.push(`jest: ${f.name} failed to run: ${String(f.message).split("\n")[0]}`);
  notes.push(`jest (apps/mobile): ${jest.numPassedTests} passed, ${jest.numFailedTests} failed, ${jest.numPendingTests} skipped`);
}
const playwright = read(playwrightReport, "playwright");
if (playwright) {
  const s = playwright.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  notes.push(`playwright: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
  for (const error of playwright.errors ?? []) {
    failed++;
    notes.push(`playwright: ${String(error.message).split("\n")[0]}`);
  }
}
for (const check of checks) {
  const [name, code] = check.split("=");
  if (code === "0") passed++;
  else {
    failed++;
    notes.push(`${name}: failed (exit ${code})`);
  }
}
for (const note of notes) console.log(`  ${note}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
