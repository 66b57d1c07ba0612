// Runs a jQuery sample in a fresh jsdom page at the echo server's origin, `fileInput.files`
// holding the body's files as the page's file input would.
// Usage: node run_jquery.js SAMPLE ORIGIN FILES_JSON
// (run_jquery_batch.js runs many samples in one process with `runSample`).
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const jquery = require('jquery');

// Resolves true when the sample's calls all ended without error. `single`: the process's only
// sample, whose own throw ends the process, whose errors set its exit code whenever they
// come, and which exits 2 when no response comes.
function runSample(samplePath, origin, files, single = false) {
  return new Promise((resolve) => {
    let failed = false;
    let done = false;
    const fail = () => {
      failed = true;
      if (single) process.exitCode = 1;
    };
    const vc = new VirtualConsole();
    vc.on('jsdomError', (e) => { console.error('jsdom: ' + e.message); fail(); });
    vc.on('log', (...a) => console.log(...a));
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: origin, virtualConsole: vc });
    const $ = jquery(dom.window);
    const fileInput = {
      files: files.map((f) =>
        new dom.window.File([fs.readFileSync(f.path)], path.basename(f.path), { type: f.content_type || '' })),
    };
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      dom.window.close();
      // A tick later, so that an error reported while the page closes still counts.
      setImmediate(() => resolve(!failed));
    };
    const guard = setTimeout(() => {
      console.error('no response');
      if (single) process.exit(2);
      failed = true;
      finish();
    }, 30000);
    $(dom.window.document)
      .ajaxError((_e, xhr, _s, err) => { console.error('ajax error: ' + xhr.status + ' ' + err); fail(); })
      .ajaxStop(finish);
    try {
      new Function('$', 'jQuery', 'window', 'document', 'FormData', 'Blob', 'fileInput', fs.readFileSync(samplePath, 'utf8'))(
        $, $, dom.window, dom.window.document, dom.window.FormData, dom.window.Blob, fileInput);
    } catch (e) {
      if (single) throw e;
      console.error(e);
      failed = true;
      finish();
      return;
    }
    if ($.active === 0) finish();
  });
}

module.exports = { runSample };

if (require.main === module) {
  const [, , samplePath, origin, filesJson] = process.argv;
  runSample(samplePath, origin, JSON.parse(filesJson || '[]'), true);
}
