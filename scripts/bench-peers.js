#!/usr/bin/env node
// Benchmarks snipgen's two peers, postman-code-generators and httpsnippet, on the same
// requests as `cargo bench` (benches/generate.rs, `synthetic_spec`): N requests, each rendered
// in the 11 languages of the reference docs page. One JavaScript thread (V8 adds helper
// threads of its own), best of 3 runs, peak RSS and the CPU time of the fastest run.
// Each tool runs in a process of its own so that its peak RSS is its own.
//
// Usage: node scripts/bench-peers.js [--tool all|postman|httpsnippet] [--runs R] [--show I] [N]
//   N        number of requests (default 2000)
//   --runs   timed runs, the best one is reported (default 3)
//   --show I print the 11 snippets of request I from --tool (not all) and exit
// Env:
//   SNIPGEN_PEERS_DIR  where the peers are installed by scripts/bench-peers.sh
//                      (default ${SNIPGEN_RUNTIMES:-$HOME/.cache/snipgen-runtimes}/peers)
// Output: human-readable lines, then for each tool one line
//   RESULT tool=NAME snippets=S seconds=T rate=R rss_kib=K bytes=B cpu=C
// (T the fastest run's wall time, C the CPU time all the process's threads spent in it).
'use strict';

const path = require('path');
const os = require('os');
const { createRequire } = require('module');
const { spawnSync } = require('child_process');

const TOOLS = ['postman', 'httpsnippet'];

function parseArgs(argv) {
  const args = { tool: 'all', runs: 3, show: null, n: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--tool') args.tool = value();
    else if (a === '--runs') args.runs = Number(value());
    else if (a === '--show') args.show = Number(value());
    else if (/^\d+$/.test(a)) args.n = Number(a);
    else throw new Error(`unknown argument: ${a}`);
  }
  if (args.tool !== 'all' && !TOOLS.includes(args.tool)) {
    throw new Error(`--tool must be all, ${TOOLS.join(' or ')}`);
  }
  if (!(args.runs >= 1)) throw new Error('--runs must be >= 1');
  if (args.show !== null && args.tool === 'all') throw new Error('--show needs --tool');
  return args;
}

function peersDir() {
  if (process.env.SNIPGEN_PEERS_DIR) return process.env.SNIPGEN_PEERS_DIR;
  const runtimes = process.env.SNIPGEN_RUNTIMES || path.join(os.homedir(), '.cache', 'snipgen-runtimes');
  return path.join(runtimes, 'peers');
}

// Resolves packages from the peers' install dir, not from this repository.
const peerRequire = createRequire(path.join(peersDir(), 'node_modules', '.bench-peers.js'));

// ---- the requests: the same fields as `synthetic_spec` in benches/generate.rs ----

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function spec(i) {
  const method = METHODS[i % 5];
  const hasBody = method !== 'GET' && method !== 'DELETE';
  return {
    title: `Endpoint ${i}`,
    method,
    url: `https://api${i % 7}.example.com/v1/items/${i}/{{id}}`,
    headers: [
      ['Accept', 'application/json'],
      ['X-Request-Id', `req-${i}`],
      ['User-Agent', 'bench/1.0'],
    ],
    form: hasBody
      ? [
          ['grant_type', 'client_credentials'],
          ['scope', `read write ${i}`],
          ['audience', `https://api.example.com/${i}`],
          ['state', 's&t=a+t e'],
          ['nonce', `n${i}`],
        ]
      : null,
  };
}

// ---- postman-code-generators ----

// The 11 language/variant pairs of the reference docs page, as labels; resolved to the
// library's keys with getLanguageList() so that a renamed key fails loudly.
const POSTMAN_PAIRS = [
  ['curl', 'cURL'],
  ['csharp', 'RestSharp'],
  ['go', 'Native'],
  ['http', 'HTTP'],
  ['java', 'OkHttp'],
  ['javascript', 'jQuery'],
  ['nodejs', 'Request'],
  ['python', 'Requests'],
  ['php', 'HTTP_Request2'],
  ['ruby', 'Net::HTTP'],
  ['swift', 'URLSession'],
];

function postmanTool() {
  const codegen = peerRequire('postman-code-generators');
  // The same postman-collection that postman-code-generators itself loads.
  const sdk = createRequire(peerRequire.resolve('postman-code-generators'))('postman-collection');
  const list = codegen.getLanguageList();
  const pairs = POSTMAN_PAIRS.map(([lang, variant]) => {
    const l = list.find((x) => x.key.toLowerCase() === lang.toLowerCase());
    const v = l && l.variants.find((x) => x.key.toLowerCase() === variant.toLowerCase());
    if (!v) throw new Error(`postman-code-generators has no ${lang}/${variant}`);
    return [l.key, v.key];
  });

  // Plain collection-format JSON; an sdk.Request is made from it per language, inside the timer.
  const input = (s) => ({
    name: s.title,
    method: s.method,
    url: s.url,
    header: s.headers.map(([key, value]) => ({ key, value })),
    ...(s.form ? { body: { mode: 'urlencoded', urlencoded: s.form.map(([key, value]) => ({ key, value })) } } : {}),
  });

  let pending = 0;
  function render(json, out) {
    for (const [lang, variant] of pairs) {
      // A fresh Request per language: the codegens mutate it (http adds Content-Length).
      const request = new sdk.Request(json);
      let done = false;
      codegen.convert(lang, variant, request, {}, (err, snippet) => {
        if (err) throw new Error(`postman ${lang}/${variant}: ${err}`);
        done = true;
        out.push(snippet);
      });
      if (!done) pending++; // every codegen answers synchronously today; counted to be sure
    }
  }
  return {
    name: 'postman-code-generators',
    version: `${peerRequire('postman-code-generators/package.json').version} (postman-collection ${createRequire(peerRequire.resolve('postman-code-generators'))('postman-collection/package.json').version})`,
    targets: pairs.map((p) => p.join('/')),
    input,
    render,
    pending: () => pending,
  };
}

// ---- httpsnippet ----

const HTTPSNIPPET_TARGETS = [
  ['shell', ['curl']],
  ['csharp', ['restsharp']],
  ['go', ['native']],
  ['http', ['http1.1']],
  ['java', ['okhttp']],
  ['javascript', ['jquery']],
  ['node', ['request']],
  ['python', ['requests']],
  ['php', ['http2', 'curl']],
  ['ruby', ['native']],
  ['swift', ['urlsession', 'nsurlsession']],
];

function httpsnippetTool() {
  const hs = peerRequire('httpsnippet');
  const available = hs.availableTargets();
  const pairs = HTTPSNIPPET_TARGETS.map(([target, clients]) => {
    const t = available.find((x) => x.key === target);
    const c = t && clients.find((k) => t.clients.some((x) => x.key === k));
    if (!c) throw new Error(`httpsnippet has no ${target}/${clients.join(' or ')}`);
    return [target, c];
  });

  // A HAR request with the spec's 3 headers, as postman gets them; the form's media type
  // is in postData.mimeType (a required HAR field). HAR validation wants an RFC 3986 URL and
  // rejects `{{id}}`, so the braces go in percent-encoded (httpsnippet's url.parse() would
  // encode them the same way).
  const input = (s) => ({
      method: s.method,
      url: s.url.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D')),
      httpVersion: 'HTTP/1.1',
      headers: s.headers.map(([name, value]) => ({ name, value })),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(s.form
        ? { postData: { mimeType: 'application/x-www-form-urlencoded', params: s.form.map(([name, value]) => ({ name, value })) } }
        : {}),
  });

  function render(har, out) {
    // One HTTPSnippet per request (it validates and normalises the HAR); convert() does not
    // change it, so the 11 targets share it, which is how the library is meant to be used.
    const snippet = new hs.HTTPSnippet(har);
    for (const [target, client] of pairs) {
      const text = snippet.convert(target, client);
      if (typeof text !== 'string') throw new Error(`httpsnippet ${target}/${client}: no snippet`);
      out.push(text);
    }
  }
  return {
    name: 'httpsnippet',
    version: peerRequire('httpsnippet/package.json').version,
    targets: pairs.map((p) => p.join('/')),
    input,
    render,
    pending: () => 0,
  };
}

// ---- driver ----

function runTool(which, n, runs, show) {
  const tool = which === 'postman' ? postmanTool() : httpsnippetTool();
  if (show !== null) {
    const out = [];
    tool.render(tool.input(spec(show)), out);
    out.forEach((text, k) => console.log(`===== ${tool.targets[k]} =====\n${text}`));
    return;
  }
  let best = Infinity;
  let bestCpu = 0;
  let snippets = 0;
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    // Fresh inputs every run (httpsnippet writes into the HAR's postData); built outside the timer.
    const inputs = [];
    for (let i = 0; i < n; i++) inputs.push(tool.input(spec(i)));
    const out = [];
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) tool.render(inputs[i], out);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    // Every thread of the process: V8 collects garbage and compiles on threads of its own, so
    // "one Node thread" keeps more than one core busy unless it is pinned to one.
    const used = process.cpuUsage(cpu0);
    const cpu = (used.user + used.system) / 1e6;
    if (seconds < best) {
      best = seconds;
      bestCpu = cpu;
    }
    if (tool.pending() > 0) throw new Error(`${tool.pending()} conversions did not answer synchronously`);
    snippets = out.length;
    bytes = 0;
    for (const text of out) {
      if (typeof text !== 'string' || text.length === 0) throw new Error('empty snippet');
      bytes += Buffer.byteLength(text);
    }
    console.error(`  ${tool.name} run ${r + 1}/${runs}: ${seconds.toFixed(3)} s, ${cpu.toFixed(3)} s of CPU`);
  }
  if (snippets !== n * tool.targets.length) throw new Error(`expected ${n * tool.targets.length} snippets, got ${snippets}`);
  const rssKib = process.resourceUsage().maxRSS; // KiB on Linux
  const rate = snippets / best;
  console.log(`${tool.name} ${tool.version}, node ${process.version}`);
  console.log(`  targets: ${tool.targets.join(' ')}`);
  console.log(`  requests: ${n}, snippets: ${snippets}, output: ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`  best of ${runs}: ${best.toFixed(3)} s, ${rate.toFixed(0)} snippets/s, peak RSS ${(rssKib / 1024).toFixed(0)} MB`);
  console.log(`RESULT tool=${tool.name} snippets=${snippets} seconds=${best.toFixed(4)} rate=${rate.toFixed(0)} rss_kib=${rssKib} bytes=${bytes} cpu=${bestCpu.toFixed(4)}`);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.tool !== 'all') {
    runTool(args.tool, args.n, args.runs, args.show);
    return;
  }
  for (const tool of TOOLS) {
    const child = spawnSync(
      process.execPath,
      [__filename, '--tool', tool, '--runs', String(args.runs), String(args.n)],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) {
      console.error(`bench-peers: ${tool} failed (exit ${child.status ?? child.signal})`);
      process.exit(1);
    }
  }
}

try {
  main();
} catch (e) {
  console.error(`bench-peers: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
}
