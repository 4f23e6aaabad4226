/**
 * The project root, found by walking up to package.json, so that paths hold both when
 * running the TypeScript sources and the bundled server (dist/server).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`GovHall root (package.json with migrations/) not found above ${start}`);
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
