const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const [, , samplePath, origin, filesJson] = process.argv;
const vc = new VirtualConsole();
vc.on('jsdomError', (e) => { console.error('jsdom: ' + e.message); process.exitCode = 1; });
vc.on('log', (...a) => console.log(...a));
const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: origin, virtualConsole: vc });
const $ = require('jquery')(dom.window);
const fileInput = {
  files: JSON.parse(filesJson || '[]').map((f) =>
    new dom.window.File([fs.readFileSync(f.path)], path.basename(f.path), { type: f.content_type || '' })),
};
const guard = setTimeout(() => { console.error('no response'); process.exit(2); }, 30000);
const finish = () => { clearTimeout(guard); dom.window.close(); };
$(dom.window.document)
  .ajaxError((_e, xhr, _s, err) => { console.error('ajax error: ' + xhr.status + ' ' + err); process.exitCode = 1; })
  .ajaxStop(finish);
new Function('$', 'jQuery', 'window', 'document', 'FormData', 'Blob', 'fileInput', fs.readFileSync(samplePath, 'utf8'))(
  $, $, dom.window, dom.window.document, dom.window.FormData, dom.window.Blob, fileInput);
if ($.active === 0) finish();
