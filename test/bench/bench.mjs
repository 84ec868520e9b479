// npm run bench: medians of repeated runs, each compared with a reference measured in the same script
// (a bare node start, the native tsc on the same files), because the machines are shared and noisy.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'bin', 'dodo-transform.js');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const require = createRequire(join(repo, 'package.json'));
const tscBinary = join(dirname(require.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`)), 'lib', 'tsc');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(command, args, cwd) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, stdio: 'ignore' });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && !args.includes('--noEmit')) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  }
  return median(samples);
}

/** A project of n mappings (copies of the Segment template) with the same tsconfig the compiler uses. */
function makeProject(n) {
  const dir = mkdtempSync(join(tmpdir(), 'dodo-transform-bench-'));
  mkdirSync(join(dir, 'mappings'));
  const template = readFileSync(join(repo, 'templates', 'segment.ts'), 'utf8');
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'mappings', `m${i}.ts`), template);
  writeFileSync(join(dir, 'package.json'), '{"name":"bench","private":true}');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2020', lib: ['es2020'], module: 'preserve', moduleResolution: 'bundler', skipLibCheck: true, types: [],
      paths: { 'dodo-transform': [join(repo, 'src', 'runtime', 'mapping', 'index.ts')] } },
    files: [join(repo, 'src', 'runtime', 'mapping', 'globals.d.ts'), ...readdirSync(join(dir, 'mappings')).map((f) => join(dir, 'mappings', f))],
  }));
  return dir;
}

const rows = [];
const report = (name, value, reference, referenceName, limit) => {
  const ratio = value / reference;
  rows.push({ name, ms: value.toFixed(0), reference: `${referenceName} ${reference.toFixed(0)} ms`, ratio: ratio.toFixed(2), target: `≤ ${limit}×`, ok: ratio <= limit ? 'yes' : 'NO' });
};

const nodeStart = time(process.execPath, ['-e', '']);
report('--help (cold)', time(process.execPath, [bin, '--help']), nodeStart, 'node -e ""', 2);

const one = makeProject(1);
const tscOne = time(tscBinary, ['-p', 'tsconfig.json'], one);
report('generate handler, 1 mapping', time(process.execPath, [bin, 'generate', 'handler', 'mappings/m0.ts'], one), tscOne, 'tsc --noEmit', 2);
report('generate handler --no-typecheck', time(process.execPath, [bin, 'generate', 'handler', 'mappings/m0.ts', '--no-typecheck'], one), nodeStart, 'node -e ""', 2);

const twenty = makeProject(20);
const tscTwenty = time(tscBinary, ['-p', 'tsconfig.json'], twenty);
report('build, 20 mappings', time(process.execPath, [bin, 'build'], twenty), tscTwenty, 'tsc --noEmit (20 files)', 3);

// Snippet size: a seed re-expressed as a mapping vs the hand-written seed, both unminified.
const sizes = [];
for (const seed of ['customer-io-payment', 'customer-io-subscription', 'customer-io-identify', 'segment-payment', 'segment-subscription', 'segment-identify']) {
  const handWritten = readFileSync(join(repo, 'test', 'fixtures', 'seeds', `${seed}.js`), 'utf8').replace(/^\/\/.*\n/, '');
  const compiled = execFileSync(process.execPath, [bin, 'generate', 'handler', join('seeds', `${seed}.ts`), '--no-typecheck'], { cwd: join(repo, 'test', 'fixtures'), encoding: 'utf8' });
  const withoutHeader = compiled.split('\n').filter((l) => !l.startsWith('// ')).join('\n');
  sizes.push({ seed, handWritten: handWritten.length, compiled: compiled.length, ratio: (compiled.length / handWritten.length).toFixed(2), ratioWithoutComments: (withoutHeader.length / handWritten.length).toFixed(2) });
}

// In-process benchmarks (sandbox throughput, watch latency), bundled next to node_modules so
// the packages they import resolve.
const { build } = await import('esbuild');
const cache = join(repo, 'node_modules', '.cache', 'dodo-transform-bench');
mkdirSync(cache, { recursive: true });
await build({ entryPoints: [join(repo, 'test', 'bench', 'in-process.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(cache, 'in-process.mjs'), logLevel: 'warning' });
const lib = await import(join(cache, 'in-process.mjs'));

const sandbox = await lib.benchSandbox({ rounds: 5, samplesPerRound: 2000 });

// BENCH_BASELINE=<a built checkout of another version>: the same sandbox and check figures for it,
// measured in this run (interleaved with this version's, so both see the same machine load).
const baseline = process.env.BENCH_BASELINE;
let baseSandbox;
if (baseline) {
  await build({ entryPoints: [join(baseline, 'test', 'bench', 'in-process.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(cache, 'in-process-baseline.mjs'), logLevel: 'warning', nodePaths: [join(baseline, 'node_modules')] });
  baseSandbox = await (await import(join(cache, 'in-process-baseline.mjs'))).benchSandbox({ rounds: 5, samplesPerRound: 2000 });
}

// check over every template with every sample and variant, spawned as a user runs it.
const templatesProject = mkdtempSync(join(tmpdir(), 'dodo-transform-bench-'));
mkdirSync(join(templatesProject, 'mappings'));
for (const file of readdirSync(join(repo, 'templates'))) cpSync(join(repo, 'templates', file), join(templatesProject, 'mappings', file));
writeFileSync(join(templatesProject, 'package.json'), '{"name":"bench","private":true}');
execFileSync(process.execPath, [bin, 'build'], { cwd: templatesProject, stdio: 'ignore' });
const checkRuns = Number(process.env.BENCH_CHECK_RUNS ?? 3);
const checkTimes = [];
const baseCheckTimes = [];
const baseProject = baseline ? mkdtempSync(join(tmpdir(), 'dodo-transform-bench-')) : undefined;
if (baseProject) {
  cpSync(templatesProject, baseProject, { recursive: true });
  execFileSync(process.execPath, [join(baseline, 'bin', 'dodo-transform.js'), 'build'], { cwd: baseProject, stdio: 'ignore' });
}
const timeCheck = (binary, cwd, into) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [binary, 'check'], { cwd, stdio: 'ignore' });
  into.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (result.status !== 0) throw new Error(`check over the templates exited ${result.status} (${binary})`);
};
for (let i = 0; i < checkRuns; i++) {
  timeCheck(bin, templatesProject, checkTimes);
  if (baseProject) timeCheck(join(baseline, 'bin', 'dodo-transform.js'), baseProject, baseCheckTimes);
}
if (baseProject) rmSync(baseProject, { recursive: true, force: true });

// The HTML report: its size and how long the distribution's Chromium takes to open it (the
// report's own script has run: html[data-ready]), for all templates and a made-up 20 × 300 project.
const htmlRows = [];
{
  const templatesHtml = join(templatesProject, 'report.html');
  execFileSync(process.execPath, [bin, 'check', '--reporter', 'html', '--out', templatesHtml], { cwd: templatesProject, stdio: 'ignore' });
  const syntheticHtml = join(templatesProject, 'synthetic.html');
  writeFileSync(syntheticHtml, lib.syntheticHtmlReport());
  const reports = [[`check, ${readdirSync(join(repo, 'templates')).length} templates`, templatesHtml], ['20 mappings × 300 samples (made up)', syntheticHtml]];
  const chromiumPath = '/usr/bin/chromium';
  let chromium;
  try { ({ chromium } = await import('playwright-core')); } catch { /* no browser figures */ }
  const context = chromium && existsSync(chromiumPath) ? await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dodo-transform-bench-chromium-')), {
    executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }) : undefined;
  for (const [name, file] of reports) {
    const row = { report: name, MB: (statSync(file).size / 1024 / 1024).toFixed(2), loadMs: 'no chromium', target: '≤ 10 MB, ≤ 2000 ms' };
    if (context) {
      const page = await context.newPage();
      const loads = [];
      for (let i = 0; i < 5; i++) {
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector('html[data-ready]');
        loads.push(await page.evaluate(() => performance.now()));
      }
      row.loadMs = Math.round(median(loads));
      await page.close();
    }
    htmlRows.push(row);
  }
  await context?.close();
}

// Watch: one mapping (the Segment template) in a built project; median of 5 edits.
execFileSync(process.execPath, [bin, 'build'], { cwd: one, stdio: 'ignore' });
const watchBuild = await lib.benchWatch(one, 'build');
const watchCheck = await lib.benchWatch(one, 'check');

for (const dir of [one, twenty, templatesProject]) rmSync(dir, { recursive: true, force: true });
console.log(`medians of ${runs} runs`);
console.table(rows);
console.log('snippet size, unminified (target ≤ 1.3×)');
console.table(sizes);
console.log('sandbox (target ≥ 2,000 sample runs/s)');
console.table([
  { version: 'this', runsPerSecond: sandbox.runsPerSecond, rounds: sandbox.roundsRunsPerSecond.join(' '), processes: sandbox.concurrency, snippetBytes: sandbox.snippetBytes },
  ...(baseSandbox ? [{ version: 'baseline', runsPerSecond: baseSandbox.runsPerSecond, rounds: baseSandbox.roundsRunsPerSecond.join(' '), processes: baseSandbox.concurrency, snippetBytes: baseSandbox.snippetBytes }] : []),
]);
const templateCount = readdirSync(join(repo, 'templates')).length;
console.log(`check over ${templateCount} templates × every sample and variant (target ≤ 4 s)`);
console.table([
  { version: 'this', medianMs: Math.round(median(checkTimes)), runsMs: checkTimes.map(Math.round).join(' ') },
  ...(baseline ? [{ version: 'baseline', medianMs: Math.round(median(baseCheckTimes)), runsMs: baseCheckTimes.map(Math.round).join(' '), ratio: (median(checkTimes) / median(baseCheckTimes)).toFixed(2) }] : []),
]);
console.log('watch: one mapping changed → result (target ≤ 300 ms after the first build)');
console.table([
  { mode: 'build --watch', firstRunMs: Math.round(watchBuild.firstRunMs), medianMs: watchBuild.medianMs, runsMs: watchBuild.recheckMs.join(' ') },
  { mode: 'check --watch', firstRunMs: Math.round(watchCheck.firstRunMs), medianMs: watchCheck.medianMs, runsMs: watchCheck.recheckMs.join(' ') },
]);
console.log('HTML report (median of 5 loads in headless Chromium, until its script has run)');
console.table(htmlRows);
