// The few globals the webhook runtime is known to provide beyond ECMAScript itself.
// Mappings are type-checked against exactly these (lib es20xx, no DOM, no Node).
interface MappingConsole {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}
declare var console: MappingConsole;
