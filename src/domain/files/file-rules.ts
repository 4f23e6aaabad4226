/**
 * What a stored file must be (DB36/T 2016 §6.3.2 空白表格、格式范本; issue 3): a name with
 * an allowed extension, at most {@link MAX_FILE_BYTES}, and content that is what the
 * extension says — told by its leading bytes (magic numbers) and, for the container
 * formats, by the entries every such file has. The uploader's declared content type is
 * never trusted: the file is served with the type of its checked format.
 */
import { AppError, type ErrorCode } from '../shared/errors.ts';
import { ALLOWED_FORMATS_TEXT, extensionOf, FILE_FORMATS, formatBytes, formatOfExtension, MAX_FILE_BYTES, MAX_FILE_NAME_LENGTH, type FileFormat } from './file-types.ts';

export { extensionOf, formatOfExtension } from './file-types.ts';

/** Where a fault is reported: the field's path and its Chinese name for the message. */
export interface FileField {
  readonly path: string;
  readonly label: string;
}

export interface FileFields {
  /** The file's name (e.g. the `name` query parameter of an upload). */
  readonly name: FileField;
  /** The file's bytes (e.g. the request body). */
  readonly content: FileField;
}

export interface CheckedFile {
  /** The name as stored: without directories, trimmed, NFC. */
  readonly name: string;
  readonly format: FileFormat;
  readonly contentType: string;
}

function fault(code: ErrorCode, field: FileField, message: string): AppError {
  return new AppError(code, { message, fields: [{ path: field.path, code, message }] });
}

// Control characters would break headers and logs; path separators are cut off before.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The name to store: the last segment of a path (a browser may send `C:\fakepath\a.pdf`),
 * trimmed and in NFC. Refuses an empty name, `.`/`..`, control characters and names over
 * {@link MAX_FILE_NAME_LENGTH} characters.
 */
export function normaliseFileName(raw: string, field: FileField): string {
  const name = (raw.split(/[/\\]/).pop() ?? '').trim().normalize('NFC');
  if (name === '' || name === '.' || name === '..') throw fault('FILE_NAME_INVALID', field, `${field.label}不能为空`);
  if (CONTROL.test(name)) throw fault('FILE_NAME_INVALID', field, `${field.label}“${name.replace(CONTROL, '?')}”含有控制字符`);
  if ([...name].length > MAX_FILE_NAME_LENGTH) throw fault('FILE_NAME_INVALID', field, `${field.label}不能超过 ${MAX_FILE_NAME_LENGTH} 个字符`);
  return name;
}

/** Refuses an empty file and one over {@link MAX_FILE_BYTES} (FILE_TOO_LARGE, HTTP 413). */
export function checkFileSize(size: number, field: FileField, name?: string): void {
  const what = name ? `${field.label}“${name}”` : field.label;
  if (size <= 0) throw fault('FILE_EMPTY', field, `${what}内容为空`);
  if (size > MAX_FILE_BYTES) throw fault('FILE_TOO_LARGE', field, `${what}为 ${formatBytes(size)}，超过 ${formatBytes(MAX_FILE_BYTES)} 的上限`);
}

// ------------------------------------------------------------------ content

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
/** Compound File Binary (OLE2): .doc and .xls. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A ZIP local file header: .docx, .xlsx and .ofd are ZIP packages. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [...'%PDF-'].map((c) => c.charCodeAt(0));
/** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1 annex H). */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Where `needle` first occurs in `bytes` from `from` up to (not including) `to`, or -1. */
function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0, to = bytes.length): number {
  const last = Math.min(to, bytes.length) - needle.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The entry names of a ZIP file, from its central directory (PKWARE APPNOTE §4.3.12,
 * §4.3.16); null when there is none or it does not hold together. ZIP64 is not read: a
 * document under 10 MB does not need it.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  if (offset + size > eocd) return null;
  const names: string[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > offset + size || u32(bytes, at) !== CENTRAL) return null;
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > offset + size) return null;
    names.push(String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength)));
    at = next;
  }
  return names;
}

/** A stream name of an OLE2 directory entry, as it is stored: UTF-16LE. */
function utf16le(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
}
const WORD_STREAM = utf16le('WordDocument');
const WORKBOOK_STREAMS = [utf16le('Workbook'), utf16le('Book')];

/**
 * Whether the bytes are a file of `format`: the magic number, and for the containers the
 * part every such file has — a Word or Excel stream in OLE2 (MS-DOC §2.1, MS-XLS §2.1.2);
 * `[Content_Types].xml` with `word/` or `xl/` parts in OOXML (ECMA-376 part 2); the entry
 * `OFD.xml` at the root of an OFD package (GB/T 33190 §7.2).
 */
export function contentMatches(format: FileFormat, bytes: Uint8Array): boolean {
  switch (format) {
    case 'pdf':
      return indexOf(bytes, PDF, 0, PDF_HEADER_WINDOW + PDF.length) >= 0;
    case 'png':
      return startsWith(bytes, PNG);
    case 'jpg':
      return startsWith(bytes, JPEG);
    case 'doc':
      return startsWith(bytes, OLE2) && indexOf(bytes, WORD_STREAM) >= 0;
    case 'xls':
      return startsWith(bytes, OLE2) && WORKBOOK_STREAMS.some((s) => indexOf(bytes, s) >= 0);
    case 'docx':
    case 'xlsx': {
      if (!startsWith(bytes, ZIP)) return false;
      const names = zipEntryNames(bytes);
      const part = format === 'docx' ? 'word/' : 'xl/';
      return names !== null && names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(part));
    }
    case 'ofd': {
      if (!startsWith(bytes, ZIP)) return false;
      return zipEntryNames(bytes)?.includes('OFD.xml') ?? false;
    }
  }
}

/**
 * Every check of a file to store, in the order a person fixes them: the name and its
 * extension, the size, then whether the content is what the extension says.
 */
export function checkFile(input: { readonly name: string; readonly bytes: Uint8Array }, fields: FileFields): CheckedFile {
  const name = normaliseFileName(input.name, fields.name);
  const extension = extensionOf(name);
  const format = formatOfExtension(extension);
  const what = `${fields.content.label}“${name}”`;
  if (!format) {
    const problem = extension ? `的类型（.${extension}）不允许` : '没有扩展名，无法确定类型';
    throw fault('FILE_TYPE_NOT_ALLOWED', fields.name, `${what}${problem}，仅支持 ${ALLOWED_FORMATS_TEXT}`);
  }
  checkFileSize(input.bytes.length, fields.content, name);
  if (!contentMatches(format, input.bytes)) {
    throw fault('FILE_CONTENT_MISMATCH', fields.content, `${what}的内容不是 ${FILE_FORMATS[format].label} 文件，与扩展名 .${extension ?? ''} 不符`);
  }
  return { name, format, contentType: FILE_FORMATS[format].contentType };
}
