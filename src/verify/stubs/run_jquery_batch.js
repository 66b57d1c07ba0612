// snipgen verify: runs a batch of jQuery samples in one node process, one after the other,
// each in a fresh jsdom page at its own server's origin, as run_jquery.js runs one;
// `snipgen-batch-ok N` after sample N's calls ended without error. A sample without that
// line is run again alone, so its failure is reported as it would be without batching.
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const jquery = require('jquery');
const samples = [
{each}
];

function runOne(samplePath, origin, files) {
  return new Promise((resolve) => {
    let failed = false;
    let done = false;
    const vc = new VirtualConsole();
    vc.on('jsdomError', (e) => { console.error('jsdom: ' + e.message); failed = true; });
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
    const guard = setTimeout(() => { console.error('no response'); failed = true; finish(); }, 30000);
    $(dom.window.document)
      .ajaxError((_e, xhr, _s, err) => { console.error('ajax error: ' + xhr.status + ' ' + err); failed = true; })
      .ajaxStop(finish);
    try {
      new Function('$', 'jQuery', 'window', 'document', 'FormData', 'Blob', 'fileInput', fs.readFileSync(samplePath, 'utf8'))(
        $, $, dom.window, dom.window.document, dom.window.FormData, dom.window.Blob, fileInput);
    } catch (e) {
      console.error(e);
      failed = true;
      finish();
      return;
    }
    if ($.active === 0) finish();
  });
}

(async () => {
  for (const [n, samplePath, origin, files] of samples) {
    const ok = await runOne(samplePath, origin, files);
    console.log(ok ? `\nsnipgen-batch-ok ${n}` : `\nsnipgen-batch-failed ${n}`);
  }
  process.exit(0);
})();
