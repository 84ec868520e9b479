/** ECMAScript versions a snippet can be lowered to. The runtime is V8; es2020 is the safe default. */
export const TARGETS = ['es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022'] as const;
export type Target = (typeof TARGETS)[number];
export const DEFAULT_TARGET: Target = 'es2020';

/** The runtime's limit on a transformation's code. */
export const MAX_SNIPPET_CHARS = 51_200;

/** The highest target: the unlowered build of a mapping that parity checks compare its snippet with. */
export const REFERENCE_TARGET: Target = 'es2022';
