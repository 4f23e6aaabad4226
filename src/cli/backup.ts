import type { AppDeps } from '../platform/deps.ts';

export async function backupToFile(_deps: AppDeps, _file: string): Promise<Record<string, number>> {
  throw new Error('backup is not implemented yet');
}

export async function restoreFromFile(_deps: AppDeps, _file: string): Promise<Record<string, number>> {
  throw new Error('restore is not implemented yet');
}
