/**
 * Small files of each allowed kind, built in code (no binary file in the repository):
 * for the file rules' tests and the files module's tests.
 */

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

export function concat(...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive with the entries stored (not compressed), with a valid central directory. */
export function zip(entries: Readonly<Record<string, string>>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = new Uint8Array(ascii(text));
    const nameBytes = ascii(name);
    const crc = crc32(data);
    const common = [...le16(20), ...le16(0), ...le16(0), ...le16(0), ...le16(0x21), ...le32(crc), ...le32(data.length), ...le32(data.length), ...le16(nameBytes.length), ...le16(0)];
    const local = concat([0x50, 0x4b, 0x03, 0x04], common, nameBytes, data);
    centrals.push(concat([0x50, 0x4b, 0x01, 0x02], le16(20), common, le16(0), le16(0), le16(0), le32(0), le32(offset), nameBytes));
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(...centrals);
  const end = concat([0x50, 0x4b, 0x05, 0x06], le16(0), le16(0), le16(centrals.length), le16(centrals.length), le32(directory.length), le32(offset), le16(0));
  return concat(...locals, directory, end);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export function docxBytes(): Uint8Array {
  return zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
}

export function xlsxBytes(): Uint8Array {
  return zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'xl/workbook.xml': '<workbook/>' });
}

/** GB/T 33190: the package's entry point is OFD.xml at its root. */
export function ofdBytes(): Uint8Array {
  return zip({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
}

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16le = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);

/** A compound file header, then a directory sector naming `stream` (enough for the rules, not for Word). */
export function ole2Bytes(stream: string): Uint8Array {
  const header = new Uint8Array(512);
  header.set(OLE2_MAGIC);
  const directory = new Uint8Array(128);
  directory.set(utf16le('Root Entry'));
  const entry = new Uint8Array(128);
  entry.set(utf16le(stream));
  return concat(header, directory, entry);
}

export const docBytes = () => ole2Bytes('WordDocument');
export const xlsBytes = () => ole2Bytes('Workbook');

/** A one-page PDF with a valid cross-reference table. */
export function pdfBytes(text = 'GovHall'): Uint8Array {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(ascii(body));
}

/** The PNG signature and a 1×1 IHDR chunk (no image data: enough for the rules). */
export function pngBytes(): Uint8Array {
  return concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], ascii('IHDR'), [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0], [0x1f, 0x15, 0xc4, 0x89]);
}

/** A JPEG start of image and JFIF APP0 marker. */
export function jpegBytes(): Uint8Array {
  return concat([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], ascii('JFIF'), [0, 1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xd9]);
}
