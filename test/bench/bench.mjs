// npm run bench: medians of repeated runs, each compared with a reference measured in the same script
// (a bare node start, the native tsc on the same files), because the machines are shared and noisy.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
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

function timeOnce(command, args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, stdio: 'ignore' });
  // tsc is timed as the floor even where it reports errors; the tool's commands must succeed.
  if (result.status !== 0 && command !== tscBinary) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function time(command, args, cwd) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(timeOnce(command, args, cwd));
  return median(samples);
}

/**
 * A command and its floor, run in turn (floor, command, floor, command…) so both see the same
 * load on a shared machine; the medians of each.
 */
function timePaired([command, args, cwd], [floorCommand, floorArgs, floorCwd]) {
  const ms = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    floor.push(timeOnce(floorCommand, floorArgs, floorCwd));
    ms.push(timeOnce(command, args, cwd));
  }
  return { ms: median(ms), floor: median(floor) };
}
const NODE = [process.execPath, ['-e', '']];
const reportPaired = (name, command, floorCommand, floorName, limit) => {
  const { ms, floor } = timePaired(command, floorCommand);
  report(name, ms, floor, floorName, limit);
  return floor;
};

const templateFiles = readdirSync(join(repo, 'templates')).filter((f) => f.endsWith('.ts')).sort();

/**
 * A project of n mappings with the same tsconfig the compiler uses: copies of the Segment template,
 * or (varied) of every template in turn, each copy with its own constant so no two are identical.
 */
function makeProject(n, { varied = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dodo-transform-bench-'));
  mkdirSync(join(dir, 'mappings'));
  const segment = readFileSync(join(repo, 'templates', 'segment.ts'), 'utf8');
  for (let i = 0; i < n; i++) {
    const template = varied ? readFileSync(join(repo, 'templates', templateFiles[i % templateFiles.length]), 'utf8') : segment;
    const name = varied ? `${templateFiles[i % templateFiles.length].replace(/\.ts$/, '')}-${i}.ts` : `m${i}.ts`;
    writeFileSync(join(dir, 'mappings', name), varied ? `${template}\nexport const COPY = ${i};\n` : template);
  }
  writeFileSync(join(dir, 'package.json'), '{"name":"bench","private":true}');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2020', lib: ['es2020'], module: 'preserve', moduleResolution: 'bundler', skipLibCheck: true, types: [],
      paths: { 'dodo-transform': [join(repo, 'src', 'runtime', 'mapping', 'index.ts')], 'dodo-transform/destinations': [join(repo, 'dist', 'types', 'runtime', 'destinations', 'index.d.ts')] } },
    files: [join(repo, 'src', 'runtime', 'mapping', 'globals.d.ts'), ...readdirSync(join(dir, 'mappings')).map((f) => join(dir, 'mappings', f))],
  }));
  return dir;
}

const rows = [];
/** One row of the table: a command's median, its floor measured in this run, and the target ratio (and ms cap). */
const report = (name, value, reference, referenceName, limit, capMs) => {
  const ratio = value / reference;
  const ok = ratio <= limit && (capMs === undefined || value <= capMs);
  rows.push({ command: name, 'median ms': value.toFixed(0), 'floor ms': `${reference.toFixed(0)} (${referenceName})`, ratio: ratio.toFixed(2), target: `≤ ${limit}×${capMs === undefined ? '' : ` and ≤ ${capMs} ms`}`, ok: ok ? 'ok' : 'over' });
};

const nodeStart = time(process.execPath, ['-e', '']);
reportPaired('--help (cold)', [process.execPath, [bin, '--help']], NODE, 'node -e ""', 2);

const one = makeProject(1);
const tscOne = reportPaired('generate handler --no-cache, 1 mapping', [process.execPath, [bin, 'generate', 'handler', 'mappings/m0.ts', '--no-cache'], one], [tscBinary, ['-p', 'tsconfig.json'], one], 'tsc --noEmit', 2);
reportPaired('generate handler --no-typecheck --no-cache', [process.execPath, [bin, 'generate', 'handler', 'mappings/m0.ts', '--no-typecheck', '--no-cache'], one], NODE, 'node -e ""', 2);
// Again on the unchanged mapping: the project cache answers it, as it does for build and check.
execFileSync(process.execPath, [bin, 'generate', 'handler', 'mappings/m0.ts'], { cwd: one, stdio: 'ignore' });
reportPaired('generate handler, unchanged (cache hit)', [process.execPath, [bin, 'generate', 'handler', 'mappings/m0.ts'], one], [tscBinary, ['-p', 'tsconfig.json'], one], 'tsc --noEmit', 2);

const twenty = makeProject(20);
reportPaired('build --no-cache, 20 mappings', [process.execPath, [bin, 'build', '--no-cache'], twenty], [tscBinary, ['-p', 'tsconfig.json'], twenty], 'tsc --noEmit (20 files)', 3);

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

// The floor of sample runs: one fresh V8 context (created with the sandbox's options) and a
// trivial script run in it, measured in a child process of this run. The sandbox's processes
// split the runs among them.
function contextCostMs() {
  const script = `
    const vm = require('node:vm');
    const T = vm.constants && vm.constants.DONT_CONTEXTIFY !== undefined ? vm.constants.DONT_CONTEXTIFY : null;
    const O = { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' };
    const s = new vm.Script('({ ok: 1 })');
    const rounds = [];
    for (let r = 0; r < 6; r++) {
      const t = performance.now();
      for (let i = 0; i < 500; i++) s.runInContext(vm.createContext(T === null ? Object.create(null) : T, O));
      rounds.push((performance.now() - t) / 500);
    }
    rounds.shift();
    rounds.sort((a, b) => a - b);
    process.stdout.write(String(rounds[rounds.length >> 1]));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}
const contextMs = contextCostMs();
const sandboxProcesses = Math.min(2, (await import('node:os')).availableParallelism());
const runsFloor = (runs) => (runs * contextMs) / sandboxProcesses;

/** Sum of the resident memory of a process and all its descendants, from /proc (Linux). */
function treeRssMb(rootPid) {
  let entries;
  try { entries = readdirSync('/proc').filter((n) => /^\d+$/.test(n)); } catch { return NaN; }
  const children = new Map();
  const rss = new Map();
  for (const pid of entries) {
    let stat;
    try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    rss.set(Number(pid), Number(fields[21]) * 4096);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(pid));
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 1024 / 1024;
}

/** Runs the CLI once: wall time, and (if asked) the peak of the summed memory of it and its children. */
function runMeasured(args, cwd, { memory = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: 'ignore' });
    let peak = 0;
    const timer = memory ? setInterval(() => { peak = Math.max(peak, treeRssMb(child.pid)); }, 40) : undefined;
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (status !== 0) reject(new Error(`dodo-transform ${args.join(' ')} exited ${status} in ${cwd}`));
      else resolvePromise({ ms, peakMb: peak });
    });
  });
}
async function medianRun(args, cwd, count, options) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await runMeasured(args, cwd, options));
  return { ms: median(results.map((r) => r.ms)), peakMb: Math.max(...results.map((r) => r.peakMb)), all: results.map((r) => Math.round(r.ms)) };
}

// check over every template with every sample and variant, spawned as a user runs it: without the
// cache (every run does all the work), then with a warm cache on the unchanged project.
const templatesProject = makeProject(templateFiles.length, { varied: true });
execFileSync(process.execPath, [bin, 'build'], { cwd: templatesProject, stdio: 'ignore' });
const checkRuns = Number(process.env.BENCH_CHECK_RUNS ?? 5);
const tscTemplates = time(tscBinary, ['-p', 'tsconfig.json'], templatesProject);
const templateRuns = await lib.countSampleRuns(templatesProject);
const checkFloor = nodeStart + tscTemplates + runsFloor(templateRuns.total);
const checkCold = await medianRun(['check', '--no-cache'], templatesProject, checkRuns);
report(`check --no-cache, ${templateFiles.length} templates`, checkCold.ms, checkFloor, `node + tsc + ${templateRuns.total} runs × ${contextMs.toFixed(3)} ms ÷ ${sandboxProcesses}`, 2);
await runMeasured(['check'], templatesProject); // fills the cache
const warmTimes = [];
const warmFloor = [];
for (let i = 0; i < checkRuns; i++) {
  warmFloor.push(timeOnce(...NODE));
  warmTimes.push((await runMeasured(['check'], templatesProject)).ms);
}
const checkWarm = { ms: median(warmTimes), all: warmTimes.map(Math.round) };
report('check, unchanged (cache hit)', checkWarm.ms, median(warmFloor), 'node -e ""', 3);

// BENCH_BASELINE: the same check for another built checkout, interleaved with this one's.
let baseCheck;
if (baseline) {
  const baseProject = mkdtempSync(join(tmpdir(), 'dodo-transform-bench-'));
  cpSync(templatesProject, baseProject, { recursive: true });
  const baseBin = join(baseline, 'bin', 'dodo-transform.js');
  execFileSync(process.execPath, [baseBin, 'build'], { cwd: baseProject, stdio: 'ignore' });
  const times = [];
  for (let i = 0; i < checkRuns; i++) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, [baseBin, 'check'], { cwd: baseProject, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  baseCheck = median(times);
  rmSync(baseProject, { recursive: true, force: true });
}


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


// What judging costs beside running: result, amount and text checks on every template's results.
const judging = await lib.benchJudging(repo, 5);

// Watch: one mapping (the Segment template) in a built project; median of 5 edits. Its floor is
// re-checking that one mapping: tsc on its file and its sample runs (the process is already up).
execFileSync(process.execPath, [bin, 'build'], { cwd: one, stdio: 'ignore' });
const oneRuns = await lib.countSampleRuns(one);
const watchBuild = await lib.benchWatch(one, 'build');
const watchCheck = await lib.benchWatch(one, 'check');
const watchFloor = tscOne + runsFloor(oneRuns.total);
report('check --watch, one edit', watchCheck.medianMs, watchFloor, `tsc + ${oneRuns.total} runs × ${contextMs.toFixed(3)} ms ÷ ${sandboxProcesses}`, 2, 300);
report('build --watch, one edit', watchBuild.medianMs, tscOne, 'tsc --noEmit', 2, 300);

// Scale: check --no-cache over 5, 20 and 100 varied copies of the templates.
const scaleRuns = Number(process.env.BENCH_SCALE_RUNS ?? 3);
const perTemplate = new Map(Object.entries(templateRuns.perFile).map(([file, runs]) => [file.replace(/^mappings\/|-\d+\.ts$/g, ''), runs]));
const scale = [];
for (const n of [5, 20, 100]) {
  const dir = makeProject(n, { varied: true });
  execFileSync(process.execPath, [bin, 'build'], { cwd: dir, stdio: 'ignore' });
  const runs = readdirSync(join(dir, 'mappings')).reduce((sum, f) => sum + (perTemplate.get(f.replace(/-\d+\.ts$/, '')) ?? 0), 0);
  const measured = await medianRun(['check', '--no-cache'], dir, scaleRuns, { memory: true });
  scale.push({ mappings: n, 'sample runs': runs, ms: Math.round(measured.ms), 'ms per 1,000 runs': (measured.ms / (runs / 1000)).toFixed(0), 'peak MB (CLI + children)': measured.peakMb.toFixed(0), runsMs: measured.all.join(' ') });
  rmSync(dir, { recursive: true, force: true });
}
const perThousand = scale.map((r) => Number(r['ms per 1,000 runs']));
const linear = perThousand[2] <= perThousand[1] * 1.1;
const memoryOk = Number(scale[2]['peak MB (CLI + children)']) < 500;

for (const dir of [one, twenty, templatesProject]) rmSync(dir, { recursive: true, force: true });
console.log(`medians of ${runs} runs (check: ${checkRuns}); floors measured in this run: node start ${nodeStart.toFixed(0)} ms, ` +
  `one fresh V8 context ${contextMs.toFixed(3)} ms, ${sandboxProcesses} sandbox processes`);
console.table(rows);
console.log('snippet size, unminified (target ≤ 1.3×)');
console.table(sizes);
console.log('sandbox (target ≥ 2,000 sample runs/s)');
console.table([
  { version: 'this', runsPerSecond: sandbox.runsPerSecond, rounds: sandbox.roundsRunsPerSecond.join(' '), processes: sandbox.concurrency, snippetBytes: sandbox.snippetBytes },
  ...(baseSandbox ? [{ version: 'baseline', runsPerSecond: baseSandbox.runsPerSecond, rounds: baseSandbox.roundsRunsPerSecond.join(' '), processes: baseSandbox.concurrency, snippetBytes: baseSandbox.snippetBytes }] : []),
]);
console.log(`check over ${templateFiles.length} templates × every sample and variant`);
console.table([
  { version: 'this, --no-cache', medianMs: Math.round(checkCold.ms), runsMs: checkCold.all.join(' ') },
  { version: 'this, cache hit', medianMs: Math.round(checkWarm.ms), runsMs: checkWarm.all.join(' ') },
  ...(baseCheck !== undefined ? [{ version: 'baseline', medianMs: Math.round(baseCheck), ratio: (checkCold.ms / baseCheck).toFixed(2) }] : []),
]);
console.log('watch: one mapping changed → result');
console.table([
  { mode: 'build --watch', firstRunMs: Math.round(watchBuild.firstRunMs), medianMs: watchBuild.medianMs, runsMs: watchBuild.recheckMs.join(' ') },
  { mode: 'check --watch', firstRunMs: Math.round(watchCheck.firstRunMs), medianMs: watchCheck.medianMs, runsMs: watchCheck.recheckMs.join(' ') },
]);
console.log(`scale: check --no-cache, medians of ${scaleRuns} runs (target: ms per 1,000 runs no worse than linear, ≤ 1.1× of 20's at 100: ${linear ? 'ok' : 'over'}; peak < 500 MB at 100: ${memoryOk ? 'ok' : 'over'})`);
console.table(scale);

console.log('HTML report (median of 5 loads in headless Chromium, until its script has run)');
console.table(htmlRows);
console.log(`judging ${judging.runs.toLocaleString('en-US')} template runs (medians of 5): result checks ${judging.resultMs} ms, amount checks ${judging.amountMs} ms, text checks ${judging.textMs} ms, against ${judging.runMs} ms of running them one snippet after another; static checks of one hand-written snippet ${judging.staticMs} ms`);
