/**
 * The kinds of file a centre stores for its service guides: 空白表格 and 格式范本 of the
 * application materials (DB36/T 2016 §6.3.2, issue 3). Constants only, so that the web
 * apps can share them (the `accept` list, the size shown before an upload).
 */

/** 10 MB: a scanned form of a few pages; larger files are refused before they are stored. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Longest stored file name, in characters. */
export const MAX_FILE_NAME_LENGTH = 200;

export type FileFormat = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'jpg' | 'png' | 'ofd';

export interface FormatSpec {
  /** The content type the file is served with, whatever the uploader declared. */
  readonly contentType: string;
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  readonly label: string;
}

export const FILE_FORMATS: Readonly<Record<FileFormat, FormatSpec>> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  doc: { contentType: 'application/msword', extensions: ['doc'], label: 'Word 97–2003（.doc）' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word（.docx）' },
  xls: { contentType: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel 97–2003（.xls）' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel（.xlsx）' },
  jpg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPG 图片' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  // GB/T 33190 版式文档 (OFD), the Chinese counterpart of PDF in e-government.
  ofd: { contentType: 'application/ofd', extensions: ['ofd'], label: 'OFD 版式文档' },
};

export const FILE_FORMAT_LIST = Object.keys(FILE_FORMATS) as FileFormat[];

/** `.pdf,.doc,…`: the `accept` attribute of a file input. */
export const ACCEPTED_EXTENSIONS: string = FILE_FORMAT_LIST.flatMap((f) => FILE_FORMATS[f].extensions.map((e) => `.${e}`)).join(',');

/** The allowed kinds as one Chinese phrase, for messages. */
export const ALLOWED_FORMATS_TEXT = 'PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）、JPG、PNG、OFD';

/** The lower-case extension after the last dot, or null (`.hidden` and `name.` have none). */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

export function formatOfExtension(extension: string | null): FileFormat | null {
  if (extension === null) return null;
  return FILE_FORMAT_LIST.find((f) => FILE_FORMATS[f].extensions.includes(extension)) ?? null;
}

/** `12.3 MB` / `850 KB` / `12 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}
