// snipgen verify: runs a batch of Node samples in one node process, one after the other, each
// loaded as its own module (`require`, as `node sN.js` loads it: its own module scope; the
// libraries it requires are loaded once, as in the Python batch). Sample N is over when the
// event loop has nothing left but this driver's wait, as `node sN.js` would then exit;
// `snipgen-batch-ok N` if it threw nothing uncaught, left no unhandled rejection and set no
// failing exit code. A sample without that line (one that called process.exit, or did not
// finish) is run again alone, so its failure is reported as it would be without batching.
const path = require('path');
const samples = [{each}];
// A global a sample made without declaring it must not reach the next sample.
const globals = new Set(Object.getOwnPropertyNames(globalThis));
let failed = false;
process.on('uncaughtException', (e) => {
  console.error(e);
  failed = true;
});
process.on('unhandledRejection', (e) => {
  console.error(e);
  failed = true;
});

// Resolves once only this wait keeps the event loop alive (checked from an immediate, when the
// timer that woke it is over); `false` after `limit` ms.
function drained(limit) {
  const until = Date.now() + limit;
  return new Promise((resolve) => {
    const poll = () =>
      setTimeout(() => setImmediate(() => {
        if (process.getActiveResourcesInfo().length === 0) resolve(true);
        else if (Date.now() > until) resolve(false);
        else poll();
      }), 2);
    poll();
  });
}

(async () => {
  for (const n of samples) {
    failed = false;
    process.exitCode = undefined;
    try {
      require(path.resolve(`s${n}.js`));
    } catch (e) {
      console.error(e);
      failed = true;
    }
    if (!(await drained(30000))) {
      // Still running: the samples after it cannot be told apart from it; they run alone.
      console.log(`\nsnipgen-batch-failed ${n}: did not finish`);
      process.exit(0);
    }
    const code = process.exitCode;
    if (code !== undefined && code !== 0) failed = true;
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (!globals.has(name)) delete globalThis[name];
    }
    console.log(failed ? `\nsnipgen-batch-failed ${n}` : `\nsnipgen-batch-ok ${n}`);
  }
  process.exit(0);
})();
