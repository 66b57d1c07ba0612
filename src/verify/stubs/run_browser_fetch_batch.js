// snipgen verify: runs a batch of browser fetch samples in one headless Chromium, one after
// the other, each in a fresh document at its own server's origin (run_browser_fetch.js's
// `runSample`, all in one page); `snipgen-batch-ok N` after sample N's fetches all succeeded.
// A sample without that line is run again alone, so its failure is reported as it would be
// without batching.
// Usage: node run_browser_fetch_batch.js PLAYWRIGHT_CORE_DIR
const { launch, newPage, runSample } = require('./run_browser_fetch.js');
const samples = [
{each}
];

(async () => {
  const browser = await launch(process.argv[2]);
  const page = await newPage(browser);
  for (const [n, samplePath, origin, files] of samples) {
    let ok = false;
    try {
      // What a sample stored stays with its own origin (its server's port), except
      // cookies, which are per host: cleared, as a fresh page's would be.
      await page.context().clearCookies();
      ok = await runSample(page, samplePath, origin, files);
    } catch (e) {
      console.error(e);
    }
    console.log(ok ? `\nsnipgen-batch-ok ${n}` : `\nsnipgen-batch-failed ${n}`);
  }
  await browser.close();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
