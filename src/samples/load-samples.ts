import { suggestEventType } from '../util/suggest-event.js';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { readBounded, unreadableReason } from '../util/user-files.js';
import path from 'node:path';
import { isEventType } from '../runtime/events/event-types.js';
import type { EventType } from '../runtime/events/event-types.js';
import { findNonFinite, findTooDeep, jsonPath } from '../util/json.js';
import { parseJson } from './json-error.js';

/** A user sample that passed validation. `file` is `dir` joined with the relative path. */
export interface LoadedSample {
  file: string;
  eventType: EventType;
  event: unknown;
}

/** Something wrong with a user sample; `jsonPath` is "$" when it concerns a whole file or folder. */
export interface SampleProblem {
  file: string;
  jsonPath: string;
  message: string;
}

export interface LoadedSamples {
  samples: LoadedSample[];
  problems: SampleProblem[];
}

// Code-unit order, not localeCompare: results must not depend on the machine's locale.
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function isDirectory(entry: Dirent, full: string): Promise<boolean> {
  if (entry.isDirectory()) return true;
  // Follow symlinks so a linked samples folder works like a real one.
  return entry.isSymbolicLink() && (await stat(full).then((s) => s.isDirectory(), () => false));
}

/** No delivery comes near this; a larger file is refused before it is read whole. */
export const MAX_SAMPLE_BYTES = 4 * 1024 * 1024;
/** Deeper than this, serialising the sample for the sandbox could exhaust the stack. */
export const MAX_SAMPLE_DEPTH = 64;
/**
 * All sample files together: every one is held, and sent to each sandbox process, for the whole
 * run (about 17 MB of memory per 4 MB sample). A Dodo event is a few KB.
 */
export const MAX_TOTAL_SAMPLE_BYTES = 32 * 1024 * 1024;
const readSoFar = new WeakMap<LoadedSamples, number>();

async function loadFile(file: string, eventType: EventType, out: LoadedSamples, root: string | undefined): Promise<void> {
  let text: string;
  const unreadable = unreadableReason(file, root);
  if (unreadable !== undefined) {
    out.problems.push({ file, jsonPath: '$', message: `cannot use the file: it ${unreadable}` });
    return;
  }
  try {
    const read = await readBounded(file, MAX_SAMPLE_BYTES);
    if (read.truncated) {
      out.problems.push({ file, jsonPath: '$', message: `the file has ${read.bytes} bytes; a sample may have at most ${MAX_SAMPLE_BYTES}` });
      return;
    }
    const total = (readSoFar.get(out) ?? 0) + read.bytes;
    if (total > MAX_TOTAL_SAMPLE_BYTES) {
      out.problems.push({ file, jsonPath: '$', message: `not used: the sample files before it (by name) already hold ${MAX_TOTAL_SAMPLE_BYTES / 1024 / 1024} MB, all samples may hold at most that; keep samples to real events (a few KB each)` });
      return;
    }
    readSoFar.set(out, total);
    text = read.text;
  } catch (error) {
    out.problems.push({ file, jsonPath: '$', message: `cannot read the file: ${errorText(error)}` });
    return;
  }
  // Editors on Windows like to save JSON with a byte-order mark, which JSON.parse rejects.
  const parsed = parseJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    const where = `line ${line}, column ${column}`;
    out.problems.push({ file, jsonPath: '$', message: `not valid JSON at ${where}: ${message}` });
    return;
  }
  const deep = findTooDeep(parsed.value, MAX_SAMPLE_DEPTH);
  if (deep !== undefined) {
    out.problems.push({ file, jsonPath: deep, message: `nested more than ${MAX_SAMPLE_DEPTH} levels deep here; a Dodo event is a handful of levels deep, and a snippet's result may not pass ${MAX_SAMPLE_DEPTH}` });
    return;
  }
  const huge = findNonFinite(parsed.value);
  if (huge !== undefined) {
    out.problems.push({ file, jsonPath: huge, message: 'a number too large for JavaScript (it reads as Infinity, and a snippet would send it as null): write the value Dodo sends' });
    return;
  }
  // Loaded with the first sample file: zod and the schemas cost a cached check of a project without samples ~40 ms.
  const { envelopeSchema } = await import('./envelope-schema.js');
  const result = envelopeSchema(eventType).safeParse(parsed.value);
  if (result.success) {
    out.samples.push({ file, eventType, event: parsed.value });
    return;
  }
  for (const issue of result.error.issues) {
    out.problems.push({ file, jsonPath: jsonPath(issue.path), message: issue.message });
  }
}

async function loadFolder(folder: string, eventType: EventType, out: LoadedSamples, root: string | undefined): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    out.problems.push({ file: folder, jsonPath: '$', message: `cannot read the folder: ${errorText(error)}` });
    return;
  }
  for (const entry of entries.sort(byName)) {
    const file = path.join(folder, entry.name);
    if (!entry.name.toLowerCase().endsWith('.json') || (await isDirectory(entry, file))) continue;
    await loadFile(file, eventType, out, root);
  }
}

/**
 * Reads the user's sample deliveries from `<dir>/<event-type>/*.json`, in sorted
 * order. Never throws over user files: whatever is wrong becomes a problem, and a
 * missing `dir` simply has no samples.
 */
export async function loadSampleFiles(dir: string, root?: string): Promise<LoadedSamples> {
  const out: LoadedSamples = { samples: [], problems: [] };
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code !== 'ENOENT') {
      out.problems.push({ file: dir, jsonPath: '$', message: `cannot read the samples directory: ${errorText(error)}` });
    }
    return out;
  }
  for (const entry of entries.sort(byName)) {
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (!(await isDirectory(entry, full))) {
      if (entry.name.toLowerCase().endsWith('.json')) {
        const stem = entry.name.slice(0, -'.json'.length);
        const folder = isEventType(stem) ? stem : 'payment.succeeded';
        const example = path.join(dir, folder, entry.name);
        const message = `sample files belong in a folder named after their event type, e.g. ${example}`;
        out.problems.push({ file: full, jsonPath: '$', message });
      }
      continue;
    }
    if (!isEventType(entry.name)) {
      const hint = suggestEventType(entry.name);
      const message = `folder "${entry.name}" is not a Dodo event type${hint ? `; did you mean "${hint}"?` : ''}`;
      out.problems.push({ file: full, jsonPath: '$', message });
      continue;
    }
    await loadFolder(full, entry.name, out, root);
  }
  return out;
}
