import { Type, type Static } from 'typebox';
import { ALLOWED_FORMATS_TEXT } from '../../domain/files/file-types.ts';
import { Timestamp, Uuid } from '../../platform/http/schemas.ts';

export const FileView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  name: Type.String({ description: '原始文件名' }),
  contentType: Type.String({ description: '按文件内容核定的类型' }),
  size: Type.Integer({ description: '字节数' }),
  sha256: Type.String({ description: 'SHA-256（十六进制），下载时作为 ETag' }),
  createdAt: Timestamp,
});
export type FileView = Static<typeof FileView>;

export const UploadQuery = Type.Object(
  {
    // The domain checks the name and says what is wrong in Chinese; the schema only caps it.
    name: Type.String({ maxLength: 1000, description: `原始文件名，含扩展名（${ALLOWED_FORMATS_TEXT}）` }),
  },
  { additionalProperties: false },
);
