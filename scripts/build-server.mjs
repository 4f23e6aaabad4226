#!/usr/bin/env node
// Bundles the server's TypeScript into dist/server/main.mjs (dependencies stay in
// node_modules), so that a start loads one file instead of compiling the sources.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
