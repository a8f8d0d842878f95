// A @web/test-runner reporter that counts test results per browser and writes them as JSON to
// $WTR_RESULTS_FILE when the run stops (test/run.mjs reads it for the final "N passed, N failed"
// line). Counting from the runner's own session objects is sturdier than parsing its console output.
//
// A test file's session that failed without any failing test (the file did not load, an error was
// thrown outside a test, the browser crashed or timed out) counts as one failed test, so that a
// broken run can never be summarized as "0 failed".
import { writeFileSync } from 'node:fs';

function countSuite(suite, acc) {
  if (!suite) return acc;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) countSuite(s, acc);
  return acc;
}

export function countSessions(sessions) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const byBrowser = {};
  const fileErrors = [];
  for (const session of sessions) {
    const c = countSuite(session.testResults, { passed: 0, failed: 0, skipped: 0 });
    if (session.passed !== true && c.failed === 0) {
      c.failed = 1;
      fileErrors.push({
        browser: session.browser.name,
        testFile: session.testFile,
        errors: (session.errors ?? []).map((e) => e.message),
      });
    }
    const b = (byBrowser[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
    for (const k of Object.keys(total)) {
      b[k] += c[k];
      total[k] += c[k];
    }
  }
  return { ...total, byBrowser, fileErrors };
}

export function countReporter({ file = process.env.WTR_RESULTS_FILE } = {}) {
  let browserNames = [];
  return {
    start({ browserNames: names }) {
      browserNames = names;
    },
    stop({ sessions }) {
      if (!file) return;
      writeFileSync(file, JSON.stringify({ browsers: browserNames, ...countSessions(sessions) }, null, 2));
    },
  };
}
