/**
 * DB36/T 2016 §6.3.2: the 空白表格 and 格式范本 of a guide's materials are stored files of
 * the item's own centre. Checked when a draft is saved and again when it is submitted or
 * approved, so that no published guide points at a file the public cannot download.
 */
import type { ItemGuide } from '../../domain/catalogue/guide.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { checkFileReferences, type FileReference } from '../files/file.service.ts';

/**
 * The file ids the guide's materials name, each at its path: `prefix` is `/guide` for a
 * request body that holds the guide, empty for the guide itself (publication issues).
 */
export function materialFileReferences(guide: ItemGuide, prefix: string): FileReference[] {
  const refs: FileReference[] = [];
  // An empty id is no file: the API's schema coercion turns a JSON null into "" for a nullable string.
  (guide.materials ?? []).forEach((m, i) => {
    const material = `申请材料“${m.name}”（第 ${i + 1} 项）`;
    if (m.blankFormFileId) refs.push({ fileId: m.blankFormFileId, path: `${prefix}/materials/${i}/blankFormFileId`, label: `${material}的空白表格` });
    if (m.sampleFileId) refs.push({ fileId: m.sampleFileId, path: `${prefix}/materials/${i}/sampleFileId`, label: `${material}的格式范本` });
  });
  return refs;
}

/** Throws FILE_NOT_FOUND (422) at each material file id that is not a stored file of the centre. */
export async function checkMaterialFiles(q: Queryable, centreId: string, guide: ItemGuide, prefix: string): Promise<void> {
  await checkFileReferences(q, centreId, materialFileReferences(guide, prefix));
}
