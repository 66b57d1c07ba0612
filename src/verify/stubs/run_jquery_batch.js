// snipgen verify: runs a batch of jQuery samples in one node process, one after the other,
// each in a fresh jsdom page at its own server's origin (run_jquery.js's `runSample`);
// `snipgen-batch-ok N` after sample N's calls ended without error. A sample without that
// line is run again alone, so its failure is reported as it would be without batching.
const { runSample } = require('./run_jquery.js');
const samples = [
{each}
];

(async () => {
  for (const [n, samplePath, origin, files] of samples) {
    const ok = await runSample(samplePath, origin, files);
    console.log(ok ? `\nsnipgen-batch-ok ${n}` : `\nsnipgen-batch-failed ${n}`);
  }
  process.exit(0);
})();
