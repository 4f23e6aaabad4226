// DB36/T 2016 §6.3.2: 空白表格 and 格式范本 are stored files of the allowed kinds, at most 10 MB.
import { describe, expect, it } from 'vitest';
import { checkFile, checkFileSize, contentMatches, extensionOf, formatOfExtension, normaliseFileName, zipEntryNames, type FileFields } from './file-rules.ts';
import { ACCEPTED_EXTENSIONS, FILE_FORMAT_LIST, FILE_FORMATS, formatBytes, MAX_FILE_BYTES, type FileFormat } from './file-types.ts';
import { concat, crc32, docBytes, docxBytes, jpegBytes, ofdBytes, ole2Bytes, pdfBytes, pngBytes, xlsBytes, xlsxBytes, zip } from './test-fixtures.ts';
import { caught } from '../shared/caught.ts';

const FIELDS: FileFields = { name: { path: 'querystring:/name', label: '文件名' }, content: { path: '/', label: '上传文件' } };

const SAMPLES: Record<FileFormat, () => Uint8Array> = {
  pdf: () => pdfBytes(),
  doc: docBytes,
  docx: docxBytes,
  xls: xlsBytes,
  xlsx: xlsxBytes,
  jpg: jpegBytes,
  png: pngBytes,
  ofd: ofdBytes,
};

describe('file types', () => {
  it('allow exactly PDF, Word, Excel, JPG, PNG and OFD', () => {
    expect(FILE_FORMAT_LIST.sort()).toEqual(['doc', 'docx', 'jpg', 'ofd', 'pdf', 'png', 'xls', 'xlsx']);
    expect(ACCEPTED_EXTENSIONS.split(',').sort()).toEqual(['.doc', '.docx', '.jpeg', '.jpg', '.ofd', '.pdf', '.png', '.xls', '.xlsx']);
    expect(FILE_FORMATS.pdf.contentType).toBe('application/pdf');
    expect(FILE_FORMATS.ofd.contentType).toBe('application/ofd');
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('write sizes for people', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1500)).toBe('2 KB');
    expect(formatBytes(MAX_FILE_BYTES)).toBe('10.0 MB');
    expect(formatBytes(MAX_FILE_BYTES + 1)).toBe('10.0 MB');
    expect(formatBytes(12.34 * 1024 * 1024)).toBe('12.3 MB');
  });
});

describe('normaliseFileName', () => {
  const field = FIELDS.name;
  it('keeps the last path segment, trimmed, in NFC', () => {
    expect(normaliseFileName('  申请表.pdf ', field)).toBe('申请表.pdf');
    expect(normaliseFileName('C:\\fakepath\\申请表.docx', field)).toBe('申请表.docx');
    expect(normaliseFileName('../../etc/passwd.pdf', field)).toBe('passwd.pdf');
    // é as e + combining acute becomes one code point.
    expect(normaliseFileName('re\u0301sume\u0301.pdf', field)).toBe('r\u00e9sum\u00e9.pdf');
  });

  it.each([
    ['', '不能为空'],
    ['   ', '不能为空'],
    ['dir/', '不能为空'],
    ['.', '不能为空'],
    ['..', '不能为空'],
    ['a\u0000b.pdf', '控制字符'],
    ['a\nb.pdf', '控制字符'],
    ['a\u007fb.pdf', '控制字符'],
    [`${'表'.repeat(197)}.pdf`, '200 个字符'],
  ])('refuses %j', (raw, message) => {
    const err = caught(() => normaliseFileName(raw, field));
    expect(err.code).toBe('FILE_NAME_INVALID');
    expect(err.kind).toBe('malformed');
    expect(err.message).toContain('文件名');
    expect(err.message).toContain(message);
    expect(err.fields).toEqual([{ path: 'querystring:/name', code: 'FILE_NAME_INVALID', message: err.message }]);
  });

  it('accepts 200 characters, counting a Chinese character (or an emoji) as one', () => {
    expect(normaliseFileName(`${'表'.repeat(196)}.pdf`, field)).toHaveLength(200);
    expect([...normaliseFileName(`${'😀'.repeat(196)}.pdf`, field)]).toHaveLength(200);
  });
});

describe('extensionOf / formatOfExtension', () => {
  it.each([
    ['a.pdf', 'pdf'],
    ['A.PDF', 'pdf'],
    ['a.b.Docx', 'docx'],
    ['照片.JPEG', 'jpeg'],
    ['noext', null],
    ['.pdf', null],
    ['name.', null],
  ])('%s → %s', (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });

  it('maps every allowed extension, jpeg included, and nothing else', () => {
    for (const f of FILE_FORMAT_LIST) for (const e of FILE_FORMATS[f].extensions) expect(formatOfExtension(e)).toBe(f);
    expect(formatOfExtension('jpeg')).toBe('jpg');
    for (const e of ['exe', 'html', 'svg', 'zip', 'txt', 'gif', 'rtf', 'wps', 'pdf.exe', '', null]) expect(formatOfExtension(e)).toBeNull();
  });
});

describe('checkFileSize', () => {
  const field = FIELDS.content;
  it('accepts 1 byte up to 10 MB exactly', () => {
    expect(() => checkFileSize(1, field)).not.toThrow();
    expect(() => checkFileSize(MAX_FILE_BYTES, field)).not.toThrow();
  });

  it('refuses one byte more as FILE_TOO_LARGE (413), naming the field and the file', () => {
    const err = caught(() => checkFileSize(MAX_FILE_BYTES + 1, field, '扫描件.pdf'));
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.kind).toBe('too_large');
    expect(err.message).toBe('上传文件“扫描件.pdf”为 10.0 MB，超过 10.0 MB 的上限');
    expect(err.fields[0]).toMatchObject({ path: '/', code: 'FILE_TOO_LARGE' });
    expect(caught(() => checkFileSize(25 * 1024 * 1024, field)).message).toBe('上传文件为 25.0 MB，超过 10.0 MB 的上限');
  });

  it('refuses an empty file', () => {
    const err = caught(() => checkFileSize(0, field, 'a.pdf'));
    expect(err.code).toBe('FILE_EMPTY');
    expect(err.kind).toBe('rule');
    expect(err.message).toBe('上传文件“a.pdf”内容为空');
  });
});

describe('contentMatches', () => {
  it.each(FILE_FORMAT_LIST)('accepts a %s sample as itself and as no other kind', (format) => {
    const bytes = SAMPLES[format]();
    for (const other of FILE_FORMAT_LIST) {
      expect(contentMatches(other, bytes), `${format} bytes as ${other}`).toBe(other === format);
    }
  });

  it('finds the PDF header within the first 1024 bytes only', () => {
    const pdf = pdfBytes();
    expect(contentMatches('pdf', concat(new Uint8Array(1024), pdf))).toBe(true);
    expect(contentMatches('pdf', concat(new Uint8Array(1025), pdf))).toBe(false);
    expect(contentMatches('pdf', new TextEncoder().encode('%PDF'))).toBe(false);
    expect(contentMatches('pdf', new TextEncoder().encode('<html>%PDF-'.padStart(2000, ' ')))).toBe(false);
  });

  it('refuses truncated magic numbers', () => {
    expect(contentMatches('png', pngBytes().subarray(0, 7))).toBe(false);
    expect(contentMatches('jpg', new Uint8Array([0xff, 0xd8]))).toBe(false);
    expect(contentMatches('doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe(false);
    expect(contentMatches('docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
    for (const f of FILE_FORMAT_LIST) expect(contentMatches(f, new Uint8Array(0)), f).toBe(false);
  });

  it('tells Word from Excel inside OLE2 by the stream names', () => {
    expect(contentMatches('xls', ole2Bytes('Book'))).toBe(true);
    expect(contentMatches('doc', ole2Bytes('Book'))).toBe(false);
    expect(contentMatches('doc', ole2Bytes('PowerPoint Document'))).toBe(false);
    expect(contentMatches('xls', ole2Bytes('PowerPoint Document'))).toBe(false);
    // The stream name alone, without the compound-file header, is not a .doc.
    expect(contentMatches('doc', docBytes().subarray(8))).toBe(false);
  });

  it('needs the OOXML content types and the Word or Excel part, or OFD.xml at the root', () => {
    expect(contentMatches('docx', zip({ 'word/document.xml': '<w/>' }))).toBe(false);
    expect(contentMatches('docx', zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }))).toBe(false);
    expect(contentMatches('xlsx', zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).toBe(false);
    expect(contentMatches('ofd', zip({ 'Doc_0/OFD.xml': '<x/>' }))).toBe(false);
    expect(contentMatches('ofd', zip({ 'payload.exe': 'MZ' }))).toBe(false);
    // An archive whose central directory was cut off.
    const docx = docxBytes();
    expect(contentMatches('docx', docx.subarray(0, docx.length - 30))).toBe(false);
  });
});

describe('zipEntryNames', () => {
  it('lists the entries of the central directory, in order', () => {
    expect(zipEntryNames(zip({ 'a.txt': 'x', 'dir/b.xml': '<b/>' }))).toEqual(['a.txt', 'dir/b.xml']);
    expect(zipEntryNames(zip({}))).toEqual([]);
  });

  it('reads an archive with a trailing comment', () => {
    const z = zip({ 'OFD.xml': '<x/>' });
    const withComment = concat(z.subarray(0, z.length - 2), [5, 0], new TextEncoder().encode('hello'));
    expect(zipEntryNames(withComment)).toEqual(['OFD.xml']);
  });

  it('returns null for what is not a readable archive', () => {
    expect(zipEntryNames(new Uint8Array(0))).toBeNull();
    expect(zipEntryNames(new Uint8Array(100))).toBeNull();
    const z = zip({ 'a.txt': 'x' });
    // The end record points past itself.
    const bad = z.slice();
    bad[z.length - 6] = 0xff;
    expect(zipEntryNames(bad)).toBeNull();
    // The directory entry lost its signature.
    const noSig = z.slice();
    const dir = z.length - 22 - (46 + 'a.txt'.length);
    noSig[dir] = 0;
    expect(zipEntryNames(noSig)).toBeNull();
    // More entries announced than the directory holds.
    const more = z.slice();
    more[z.length - 12] = 2;
    expect(zipEntryNames(more)).toBeNull();
  });

  it('is fed a valid archive by the fixtures (CRC-32 of the standard check value)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('checkFile', () => {
  it.each(FILE_FORMAT_LIST)('accepts a %s file and gives the type it is served with', (format) => {
    const ext = FILE_FORMATS[format].extensions[0]!;
    expect(checkFile({ name: `空白表格.${ext.toUpperCase()}`, bytes: SAMPLES[format]() }, FIELDS)).toEqual({
      name: `空白表格.${ext.toUpperCase()}`,
      format,
      contentType: FILE_FORMATS[format].contentType,
    });
  });

  it('accepts .jpeg as JPG', () => {
    expect(checkFile({ name: '照片.jpeg', bytes: jpegBytes() }, FIELDS).contentType).toBe('image/jpeg');
  });

  it('refuses a type not on the list, at the name, naming the extension and the allowed kinds', () => {
    const err = caught(() => checkFile({ name: '病毒.exe', bytes: new Uint8Array([0x4d, 0x5a]) }, FIELDS));
    expect(err.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(err.kind).toBe('rule');
    expect(err.message).toBe('上传文件“病毒.exe”的类型（.exe）不允许，仅支持 PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）、JPG、PNG、OFD');
    expect(err.fields).toEqual([{ path: 'querystring:/name', code: 'FILE_TYPE_NOT_ALLOWED', message: err.message }]);
    // An SVG or HTML page would run script when opened from the centre's address.
    for (const name of ['a.svg', 'a.html', 'a.htm', 'a.js']) expect(caught(() => checkFile({ name, bytes: pdfBytes() }, FIELDS)).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses a name without an extension', () => {
    const err = caught(() => checkFile({ name: '申请表', bytes: pdfBytes() }, FIELDS));
    expect(err.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(err.message).toContain('没有扩展名');
  });

  it('refuses content that is not what the extension says, at the content', () => {
    const err = caught(() => checkFile({ name: '申请表.pdf', bytes: pngBytes() }, FIELDS));
    expect(err.code).toBe('FILE_CONTENT_MISMATCH');
    expect(err.message).toBe('上传文件“申请表.pdf”的内容不是 PDF 文件，与扩展名 .pdf 不符');
    expect(err.fields[0]?.path).toBe('/');
    expect(caught(() => checkFile({ name: 'a.docx', bytes: xlsxBytes() }, FIELDS)).code).toBe('FILE_CONTENT_MISMATCH');
    expect(caught(() => checkFile({ name: 'a.png', bytes: new TextEncoder().encode('<svg onload=alert(1)>') }, FIELDS)).code).toBe('FILE_CONTENT_MISMATCH');
  });

  it('checks the name first, then the size, then the content', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(caught(() => checkFile({ name: '', bytes: big }, FIELDS)).code).toBe('FILE_NAME_INVALID');
    expect(caught(() => checkFile({ name: 'a.exe', bytes: big }, FIELDS)).code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(caught(() => checkFile({ name: 'a.pdf', bytes: big }, FIELDS)).code).toBe('FILE_TOO_LARGE');
    expect(caught(() => checkFile({ name: 'a.pdf', bytes: new Uint8Array(0) }, FIELDS)).code).toBe('FILE_EMPTY');
    // Exactly 10 MB of a PDF passes.
    const limit = new Uint8Array(MAX_FILE_BYTES);
    limit.set(pdfBytes());
    expect(checkFile({ name: 'a.pdf', bytes: limit }, FIELDS).format).toBe('pdf');
  });
});
