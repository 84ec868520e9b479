// What "dodo-transform" resolves to while a config file is being loaded.
export * from '../runtime/mapping/index.js';
export { defineConfig } from './define-config.js';
