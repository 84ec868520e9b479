#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

const onInterrupt = (handler) => {
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => { process.off('SIGINT', handler); process.off('SIGTERM', handler); };
};
process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, onInterrupt });
