// The CLI runs zod without its JIT. zod compiles each object schema into a function on its first
// parse; a check parses each destination's schemas a few hundred times, too few to win that
// back (check over the 19 templates: 2.82 → 2.76 s, medians of 6, interleaved). Set through the
// global zod reads when it first loads, since importing zod here would cost every command
// ~50 ms; the CLI only, so the library leaves its users' own zod schemas alone.
// test/cli/zod-jitless.test.ts proves zod still takes it.

interface ZodGlobal { __zod_globalConfig?: { jitless?: boolean } }

export function runZodWithoutJit(): void {
  const g = globalThis as ZodGlobal;
  g.__zod_globalConfig ??= {};
  g.__zod_globalConfig.jitless = true;
}
