/**
 * Globals a snippet cannot rely on. Svix's runner gives a bare V8 context: no
 * Node, no browser APIs. Each entry says what to do instead.
 */
export const UNAVAILABLE_GLOBALS: Readonly<Record<string, string>> = {
  require: 'import relative helper modules instead; they are bundled into the snippet',
  module: 'snippets are not CommonJS modules',
  exports: 'snippets are not CommonJS modules',
  process: 'read endpoint variables from the second handler argument (`webhook.env`)',
  Buffer: 'work with strings; the runtime has no Buffer',
  global: 'the runtime has no Node globals',
  __dirname: 'the runtime has no file system',
  __filename: 'the runtime has no file system',
  fetch: 'a snippet cannot make requests; it only reshapes the one being sent',
  XMLHttpRequest: 'a snippet cannot make requests',
  WebSocket: 'a snippet cannot open connections',
  setTimeout: 'timers never fire: handler runs synchronously',
  setInterval: 'timers never fire: handler runs synchronously',
  setImmediate: 'timers never fire: handler runs synchronously',
  clearTimeout: 'timers never fire: handler runs synchronously',
  clearInterval: 'timers never fire: handler runs synchronously',
  queueMicrotask: 'microtasks run after handler has returned',
  URL: 'the runtime is not known to provide URL; build URLs with string concatenation',
  URLSearchParams: 'the runtime is not known to provide URLSearchParams; use encodeURIComponent',
  TextEncoder: 'the runtime is not known to provide TextEncoder',
  TextDecoder: 'the runtime is not known to provide TextDecoder',
  btoa: 'the runtime is not known to provide btoa',
  atob: 'the runtime is not known to provide atob',
  structuredClone: 'the runtime is not known to provide structuredClone; use JSON.parse(JSON.stringify(x))',
  crypto: 'the runtime is not known to provide crypto',
};
