// The package entry: what users import in mappings, configs, scripts and tests.
export * from './runtime/mapping/index.js';
export { applyMapping } from './runtime/mapping/apply-mapping.js';
export type { Webhook } from './runtime/mapping/apply-mapping.js';
export { defineConfig } from './config/define-config.js';
export type { UserConfig } from './config/define-config.js';
export { compile } from './compile/compile.js';
export type { CompileOptions, CompileResult, CompiledSnippet } from './compile/compile.js';
export { TARGETS, type Target } from './compile/targets.js';
export { FINDING_CODES } from './findings/codes.js';
export type { Finding, FindingCode, Severity } from './findings/finding.js';
export { validate, checkProject } from './project/public-api.js';
export type { ProjectOptions, ValidateFilesOptions } from './project/public-api.js';
export type { Report } from './project/report.js';
export type { EventSummary } from './validate/validate-snippets.js';
export type { CodeInfo } from './findings/codes.js';
