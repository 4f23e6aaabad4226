#!/usr/bin/env node
// Builds the web apps and the server bundle once if they are missing, so that
// `npm start` works on a fresh clone.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function run(args) {
  const r = spawnSync('npx', args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync('dist/web/admin/index.html')) {
  console.log('building the web apps (first start only)…');
  run(['vite', 'build', '--logLevel', 'warn']);
}
run(['node', 'scripts/build-server.mjs']);
