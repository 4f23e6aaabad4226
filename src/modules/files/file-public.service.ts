/**
 * The public download of a stored file: only a 空白表格 or 格式范本 (DB36/T 2016 §6.3.2)
 * of a guide the public reads today (§7.3.2.1). A "高效办成一件事" bundle lists the
 * materials of its items' published guides (§8.2.4), so its forms are public the same way.
 * Any other file is not found, whether it exists or not.
 */
import { AppError } from '../../domain/shared/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { isFilePublished } from '../catalogue/item-public.service.ts';
import { fileForDownload } from './file.service.ts';

/** {@link fileForDownload} when the public may download the file; FILE_NOT_FOUND otherwise. */
export async function publicFile(deps: AppDeps, id: string): ReturnType<typeof fileForDownload> {
  const file = await fileForDownload(deps, id);
  if (!(await isFilePublished(deps, file.meta.centreId, file.meta.id))) throw new AppError('FILE_NOT_FOUND');
  return file;
}
