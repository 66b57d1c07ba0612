// Runs a browser sample in Chromium's headless shell (playwright-core): a blank page at the echo
// server's origin, so the sample's request is same-origin as on the reader's own page, and
// `fileInput.files` holds the body's files as the page's file input would.
// Usage: node run_browser_fetch.js SAMPLE ORIGIN FILES_JSON PLAYWRIGHT_CORE_DIR
// (run_browser_fetch_batch.js runs many samples in one page with `newPage` and `runSample`).
const fs = require('fs');
const path = require('path');

// Debian's chromium-headless-shell: Chromium's engine without the full browser around it,
// which made each navigation about 40% dearer.
function launch(playwright) {
  return require(playwright).chromium.launch({
    executablePath: '/usr/lib/chromium/chromium-headless-shell',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// Runs one sample in `page` (see `newPage`), navigated to a fresh document at its server's
// origin: a new window and globals, as on a reader's own page. True when every fetch the
// sample made got a 2xx.
async function runSample(page, samplePath, origin, files) {
  let failed = false;
  // The page itself never reaches the echo server (which must see one request, the
  // sample's); interception is switched off before the sample runs.
  const pageUrl = `${origin}/__snipgen_verify_page__`;
  await page.route(pageUrl, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html><head><link rel="icon" href="data:,"></head><body></body></html>',
  }));
  await page.goto(pageUrl);
  await page.unrouteAll();
  // Listening from the new document on: what an earlier document printed is not this sample's.
  const onConsole = (m) => {
    if (m.type() === 'error') { console.error(m.text()); failed = true; } else { console.log(m.text()); }
  };
  const onError = (e) => { console.error('page error: ' + e.message); failed = true; };
  page.on('console', onConsole);
  page.on('pageerror', onError);
  try {
    const loaded = files.map((f) => ({
      name: path.basename(f.path),
      type: f.content_type || '',
      data: fs.readFileSync(f.path).toString('base64'),
    }));
    const outcomes = await page.evaluate(async ({ sample, files }) => {
      const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      window.fileInput = { files: files.map((f) => new File([bytes(f.data)], f.name, { type: f.type })) };
      const pending = [];
      const fetch = window.fetch;
      window.fetch = (...args) => { const p = fetch(...args); pending.push(p); return p; };
      (0, eval)(sample);
      const settled = await Promise.allSettled(pending);
      // Let the sample's own `.then` chain print the response.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return settled.map((s) => (s.status === 'fulfilled' ? `HTTP ${s.value.status}` : `fetch failed: ${s.reason}`));
    }, { sample: fs.readFileSync(samplePath, 'utf8'), files: loaded });
    if (outcomes.length === 0) { console.error('the sample called no fetch'); failed = true; }
    for (const o of outcomes) {
      if (!o.startsWith('HTTP 2')) { console.error(o); failed = true; }
    }
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
  }
  return !failed;
}

// One page for many samples: a navigation to a new document is a new window, and it keeps
// the page's renderer process, whose start is most of the cost of a fresh page.
async function newPage(browser) {
  return browser.newPage();
}

module.exports = { launch, newPage, runSample };

if (require.main === module) {
  const [, , samplePath, origin, filesJson, playwright] = process.argv;
  (async () => {
    const browser = await launch(playwright);
    try {
      process.exitCode = (await runSample(await newPage(browser), samplePath, origin, JSON.parse(filesJson || '[]'))) ? 0 : 1;
    } finally {
      await browser.close();
    }
  })().catch((e) => { console.error(e); process.exit(1); });
}
