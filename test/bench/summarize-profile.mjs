// node test/bench/summarize-profile.mjs <file.cpuprofile> [top]: the functions with the most self
// time, and the most total time (self + callees, counted once per stack), from a --cpu-prof file.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) { console.error('usage: summarize-profile.mjs <file.cpuprofile> [top]'); process.exit(2); }
const top = Number(topArg ?? 15);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sample: the delta to the next one (timeDeltas[i] is the gap before sample i).
const selfUs = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? 0)));

const label = (n) => {
  const f = n.callFrame;
  const url = f.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|dist|src)\//, '$1/');
  return `${f.functionName || '(anonymous)'} ${url ? `${url}:${f.lineNumber + 1}` : ''}`.trim();
};
const self = new Map();
const total = new Map();
let all = 0;
for (const [id, us] of selfUs) {
  all += us;
  const key = label(byId.get(id));
  self.set(key, (self.get(key) ?? 0) + us);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = label(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + us);
  }
}
const rows = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
  .map(([fn, us]) => ({ ms: Math.round(us / 1000), '%': ((100 * us) / all).toFixed(1), function: fn.slice(0, 110) }));
console.log(`${file}: ${Math.round(all / 1000)} ms sampled`);
console.log('self time');
console.table(rows(self));
console.log('total time');
console.table(rows(new Map([...total].filter(([k]) => !/^\((root|program|idle)\)/.test(k)))));
