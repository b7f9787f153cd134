'use strict';
/** Prints CI's closing line, `N passed, N failed`, after Jest's own summary. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryReporter;
