// DB36/T 2016 §6.3.2 (issue 3): 空白表格 and 格式范本 of application materials as stored files.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { material } from '../../domain/catalogue/test-fixtures.ts';
import { MAX_FILE_BYTES } from '../../domain/files/file-types.ts';
import { docxBytes, jpegBytes, ofdBytes, pdfBytes, pngBytes, xlsxBytes } from '../../domain/files/test-fixtures.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import { centreInput, departmentInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { itemInput } from '../catalogue/test-helpers.ts';
import { itemVersions } from '../catalogue/schema.ts';
import { storedFiles } from './schema.ts';

let ctx: TestContext;
let admin: Session;
let manager: Session;
let clerk: Session;
let chief: Session;
let otherManager: Session;
let centreId: string;
let otherCentreId: string;
let departmentId: string;

const TODAY = '2025-03-03';
const review = { reviewer: '法制审核科 王五', opinion: '设定依据合法，要素齐全，同意发布', effectiveOn: TODAY };

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  centreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  otherCentreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '南昌县政务服务中心', divisionCode: '360121' }) })).json().id;
  manager = await ctx.userWith([role('centre_manager', centreId)]);
  clerk = await ctx.userWith([role('window_clerk', centreId)]);
  otherManager = await ctx.userWith([role('centre_manager', otherCentreId)]);
  departmentId = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput({ name: '某市市场监督管理局' }) })).json().id;
  chief = await ctx.userWith([role('chief_representative', centreId, departmentId)]);
});
afterAll(() => ctx.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function upload(bytes: Uint8Array | Buffer | Readable, name: string | null, options: { as?: Session | null; centre?: string; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  const query = name === null ? '' : `?name=${encodeURIComponent(name)}`;
  const payload = bytes instanceof Readable ? bytes : Buffer.from(bytes);
  return ctx.as(options.as === undefined ? manager : options.as, {
    method: 'POST',
    url: `/api/v1/centres/${options.centre ?? centreId}/files${query}`,
    headers: { 'content-type': 'application/octet-stream', ...options.headers },
    payload,
  });
}

async function uploaded(bytes: Uint8Array, name: string, centre = centreId, as: Session = manager): Promise<string> {
  const res = await upload(bytes, name, { centre, as });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const publicDownload = (id: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url: `/api/v1/public/files/${id}`, headers });
const act = (id: string, number: number, action: string, payload: Record<string, unknown> = {}, as: Session = manager) =>
  ctx.as(as, { method: 'POST', url: `/api/v1/items/${id}/versions/${number}/${action}`, payload });

/** A material list whose second material has the given 空白表格 / 格式范本. */
const materialsWith = (files: { blankFormFileId?: string | null; sampleFileId?: string | null }) => [material(), material({ name: '食品经营许可申请书', issuingBody: null, copies: 0, ...files })];

async function createItem(files: { blankFormFileId?: string | null; sampleFileId?: string | null }): Promise<LightMyRequestResponse> {
  return ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/items`, payload: itemInput(departmentId, {}, { materials: materialsWith(files) }) });
}

async function publish(itemId: string, number: number, effectiveOn: string, as: Session = manager): Promise<void> {
  expect((await act(itemId, number, 'submit', {}, as)).statusCode).toBe(200);
  const approved = await act(itemId, number, 'approve', { ...review, effectiveOn }, as);
  expect(approved.statusCode, approved.body).toBe(200);
}

describe('upload and download', () => {
  it('stores the bytes exactly, with their SHA-256, and gives them back to staff with the headers of a download', async () => {
    const bytes = pdfBytes('blank form');
    const res = await upload(bytes, '食品经营许可申请书（空白表格）.pdf');
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toEqual({
      id: expect.any(String),
      centreId,
      name: '食品经营许可申请书（空白表格）.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      createdAt: '2025-03-03T02:00:00.000Z',
    });

    const meta = await ctx.as(clerk, { method: 'GET', url: `/api/v1/files/${file.id}` });
    expect(meta.statusCode).toBe(200);
    expect(meta.json()).toEqual(file);

    const download = await ctx.as(clerk, { method: 'GET', url: `/api/v1/files/${file.id}/content` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(Buffer.from(bytes))).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      etag: `"${sha256(bytes)}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-cache',
    });
    // RFC 5987: the Chinese name percent-encoded in UTF-8, ( and ) included; an ASCII fallback.
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('食品经营许可申请书（空白表格）.pdf')}`,
    );
    const again = await ctx.as(clerk, { method: 'GET', url: `/api/v1/files/${file.id}/content`, headers: { 'if-none-match': `"${sha256(bytes)}"` } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('carries every byte value and a larger file unchanged, on this engine', async () => {
    const all = new Uint8Array(256 * 40);
    for (let i = 0; i < all.length; i++) all[i] = (i * 7 + (i >> 8)) & 0xff;
    // A JPEG: the magic number, then every byte value, \0 and \xff included.
    const jpeg = Buffer.concat([Buffer.from(jpegBytes()), Buffer.from(all)]);
    const big = Buffer.concat([Buffer.from(pdfBytes()), Buffer.alloc(3 * 1024 * 1024 + 17, 0xa5)]);
    for (const [bytes, name] of [
      [jpeg, 'photo.jpg'],
      [big, 'scan.pdf'],
    ] as const) {
      const id = await uploaded(bytes, name);
      const res = await ctx.as(manager, { method: 'GET', url: `/api/v1/files/${id}/content` });
      expect(res.rawPayload.length).toBe(bytes.length);
      expect(sha256(res.rawPayload)).toBe(sha256(bytes));
      expect(res.rawPayload.equals(bytes)).toBe(true);
      const [row] = await ctx.deps.db.select().from(storedFiles).where(eq(storedFiles.id, id));
      expect(Buffer.isBuffer(row!.content) && row!.content.equals(bytes)).toBe(true);
    }
  });

  it('accepts every allowed kind, serving it with the type of its content, whatever type was declared', async () => {
    const cases = [
      [docxBytes(), '申请书.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'],
      [xlsxBytes(), '清单.XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/plain'],
      [ofdBytes(), '范本.ofd', 'application/ofd', 'application/json'],
      [pngBytes(), '示例.png', 'image/png', 'image/svg+xml'],
      [jpegBytes(), '示例.jpeg', 'image/jpeg', 'text/html'],
    ] as const;
    for (const [bytes, name, type, declared] of cases) {
      const res = await upload(bytes, name, { headers: { 'content-type': declared } });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ name, contentType: type, size: bytes.length });
      const got = await ctx.as(manager, { method: 'GET', url: `/api/v1/files/${res.json().id}/content` });
      expect(got.headers['content-type']).toBe(type);
      expect(got.rawPayload.equals(Buffer.from(bytes))).toBe(true);
    }
    // No content type at all.
    const bare = await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/files?name=a.pdf`, payload: Buffer.from(pdfBytes()) });
    expect(bare.statusCode, bare.body).toBe(201);
  });

  it('keeps only the last segment of a path as the name, and an ASCII name as its own fallback', async () => {
    const res = await upload(pdfBytes(), 'C:\\fakepath\\form (v2).pdf');
    expect(res.json().name).toBe('form (v2).pdf');
    const got = await ctx.as(manager, { method: 'GET', url: `/api/v1/files/${res.json().id}/content` });
    expect(got.headers['content-disposition']).toBe(`attachment; filename="form (v2).pdf"; filename*=UTF-8''form%20%28v2%29.pdf`);
  });

  it('writes an audit record of the upload, without the bytes', async () => {
    const id = await uploaded(pdfBytes('audited'), '审计.pdf');
    const rows = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'file'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', centreId, actorType: 'user', after: { id, name: '审计.pdf', contentType: 'application/pdf', sha256: sha256(pdfBytes('audited')) } });
    expect(Object.keys(rows[0]!.after as object)).not.toContain('content');
    expect(JSON.stringify(rows[0]!.after)).not.toContain('%PDF');
  });
});

describe('refused uploads, with stable codes naming the field', () => {
  it('a file over 10 MB is FILE_TOO_LARGE (413), declared or streamed; 10 MB exactly is stored', async () => {
    const over = Buffer.concat([Buffer.from(pdfBytes()), Buffer.alloc(MAX_FILE_BYTES + 1 - pdfBytes().length)]);
    const res = await upload(over, '扫描件.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', message: '上传文件“扫描件.pdf”为 10.0 MB，超过 10.0 MB 的上限', fields: [{ path: '/', code: 'FILE_TOO_LARGE' }] });

    // No content-length: counted while reading.
    const chunks = Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 1));
    const streamed = await upload(Readable.from(chunks), '扫描件.pdf');
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.code).toBe('FILE_TOO_LARGE');

    const exact = await upload(over.subarray(0, MAX_FILE_BYTES), '十兆.pdf');
    expect(exact.statusCode).toBe(201);
    expect(exact.json().size).toBe(MAX_FILE_BYTES);
    expect(await ctx.deps.db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.name, '扫描件.pdf'))).toEqual([]);
  });

  it('a type not on the list, or content that is not what the name says, is refused with 422', async () => {
    const exe = await upload(Buffer.from('MZ\x90\x00'), '办事指南.exe');
    expect(exe.statusCode).toBe(422);
    expect(exe.json().error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', fields: [{ path: 'querystring:/name', code: 'FILE_TYPE_NOT_ALLOWED' }] });
    expect(exe.json().error.message).toContain('“办事指南.exe”的类型（.exe）不允许');

    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'form.html');
    expect(html.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');

    const disguised = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), '照片.png');
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json().error).toMatchObject({ code: 'FILE_CONTENT_MISMATCH', message: '上传文件“照片.png”的内容不是 PNG 图片 文件，与扩展名 .png 不符', fields: [{ path: '/' }] });

    const swapped = await upload(xlsxBytes(), '申请书.docx');
    expect(swapped.json().error.code).toBe('FILE_CONTENT_MISMATCH');
  });

  it('an empty file, a missing or empty name', async () => {
    const empty = await upload(new Uint8Array(0), 'a.pdf');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('FILE_EMPTY');
    const noBody = await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/files?name=a.pdf` });
    expect(noBody.json().error.code).toBe('FILE_EMPTY');

    const noName = await upload(pdfBytes(), null);
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'querystring:/name' }] });
    const blank = await upload(pdfBytes(), '  ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({ code: 'FILE_NAME_INVALID', message: '文件名不能为空', fields: [{ path: 'querystring:/name' }] });
  });

  it('nothing is stored by a refused upload', async () => {
    const before = (await ctx.deps.db.select({ id: storedFiles.id }).from(storedFiles)).length;
    await upload(pngBytes(), 'x.pdf');
    await upload(pdfBytes(), 'x.exe');
    expect((await ctx.deps.db.select({ id: storedFiles.id }).from(storedFiles)).length).toBe(before);
  });
});

describe('access', () => {
  let fileId: string;
  beforeAll(async () => {
    fileId = await uploaded(pdfBytes('internal draft'), '内部草稿.pdf');
  });

  it('uploads need catalogue.write in the centre: a manager or the chief representative, not a window clerk', async () => {
    expect((await upload(pdfBytes(), 'a.pdf', { as: chief })).statusCode).toBe(201);
    const byClerk = await upload(pdfBytes(), 'a.pdf', { as: clerk });
    expect(byClerk.statusCode).toBe(403);
    expect((await upload(pdfBytes(), 'a.pdf', { as: null })).statusCode).toBe(401);
  });

  it("keeps another centre's manager out: no upload into it, no metadata, no bytes", async () => {
    const into = await upload(pdfBytes(), 'a.pdf', { as: otherManager });
    expect(into.statusCode).toBe(403);
    // Refused before the body is read: 403, not 413.
    const big = await upload(Buffer.alloc(MAX_FILE_BYTES + 1), 'a.pdf', { as: otherManager });
    expect(big.statusCode).toBe(403);
    expect((await upload(Buffer.alloc(MAX_FILE_BYTES + 1), 'a.pdf', { as: clerk })).statusCode).toBe(403);
    for (const url of [`/api/v1/files/${fileId}`, `/api/v1/files/${fileId}/content`]) {
      const res = await ctx.as(otherManager, { method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('%PDF');
    }
  });

  it('an unknown or malformed id is 404; anonymous staff routes are 401', async () => {
    for (const url of [`/api/v1/files/${randomUUID()}`, `/api/v1/files/${randomUUID()}/content`, '/api/v1/files/not-a-uuid']) {
      const res = await ctx.as(manager, { method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('FILE_NOT_FOUND');
    }
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${fileId}` })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/files/${fileId}/content` })).statusCode).toBe(401);
  });

  it('uploads into a retired centre are refused', async () => {
    const retired = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '已撤销的中心', divisionCode: '360111' }) })).json().id;
    expect((await ctx.as(admin, { method: 'DELETE', url: `/api/v1/centres/${retired}` })).statusCode).toBe(200);
    const res = await upload(pdfBytes(), 'a.pdf', { as: admin, centre: retired });
    expect(res.json().error.code).toBe('CENTRE_RETIRED');
  });
});

describe('public download: only forms a published guide names (§6.3.2, §7.3.2.1)', () => {
  it('is refused for a file no guide names, and for one only a draft names; allowed once the version is published', async () => {
    const bytes = pdfBytes('public form');
    const form = await uploaded(bytes, '申请表（空白）.pdf');
    const sample = await uploaded(pngBytes(), '申请表（范本）.png');
    const notFound = await publicDownload(form);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().error.code).toBe('FILE_NOT_FOUND');
    // Same answer as an id that does not exist: the public learns nothing of unpublished files.
    expect((await publicDownload(randomUUID())).json()).toEqual(notFound.json());

    const created = await createItem({ blankFormFileId: form, sampleFileId: sample });
    expect(created.statusCode, created.body).toBe(201);
    const itemId = created.json().id;
    expect((await publicDownload(form)).statusCode).toBe(404);
    await act(itemId, 1, 'submit');
    expect((await publicDownload(form)).statusCode).toBe(404);
    expect((await act(itemId, 1, 'approve', review)).statusCode).toBe(200);

    const res = await publicDownload(form);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(Buffer.from(bytes))).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      etag: `"${sha256(bytes)}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, no-cache',
      'content-disposition': `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('申请表（空白）.pdf')}`,
    });
    expect(res.headers['set-cookie']).toBeUndefined();
    const cached = await publicDownload(form, { 'if-none-match': `W/"${sha256(bytes)}", "other"` });
    expect(cached.statusCode).toBe(304);
    expect((await publicDownload(sample)).headers['content-type']).toBe('image/png');
    // HEAD answers the same headers without the bytes.
    const head = await ctx.app.inject({ method: 'HEAD', url: `/api/v1/public/files/${form}` });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(`"${sha256(bytes)}"`);

    // Withdrawn: no longer public.
    expect((await act(itemId, 1, 'withdraw', { reason: '依据废止' })).statusCode).toBe(200);
    expect((await publicDownload(form)).statusCode).toBe(404);
    // Staff still read it.
    expect((await ctx.as(clerk, { method: 'GET', url: `/api/v1/files/${form}/content` })).statusCode).toBe(200);
  });

  it('follows the version the public reads today: not before its effective date, not once a later version drops the form', async () => {
    const form = await uploaded(pdfBytes('versioned'), '变更前的表格.pdf');
    const replacement = await uploaded(pdfBytes('v2'), '变更后的表格.pdf');
    const itemId = (await createItem({ blankFormFileId: form })).json().id;
    await publish(itemId, 1, '2025-03-10');
    expect((await publicDownload(form)).statusCode).toBe(404);
    ctx.setNow(new Date('2025-03-10T09:00:00+08:00'));
    try {
      // A week later: a fresh session.
      const later = await ctx.userWith([role('centre_manager', centreId)]);
      expect((await publicDownload(form)).statusCode).toBe(200);
      // Version 2 replaces the form; the old one stays public until version 2 is in force.
      const patched = await ctx.as(later, { method: 'PATCH', url: `/api/v1/items/${itemId}`, payload: { guide: { materials: materialsWith({ blankFormFileId: replacement }) } } });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().latest.number).toBe(2);
      expect((await publicDownload(form)).statusCode).toBe(200);
      expect((await publicDownload(replacement)).statusCode).toBe(404);
      await publish(itemId, 2, '2025-03-10', later);
      expect((await publicDownload(form)).statusCode).toBe(404);
      expect((await publicDownload(replacement)).statusCode).toBe(200);
    } finally {
      ctx.setNow(new Date('2025-03-03T10:00:00+08:00'));
    }
  });

  it("is refused for another centre's file that no guide names", async () => {
    const theirs = await uploaded(pdfBytes('theirs'), '他中心表格.pdf', otherCentreId, otherManager);
    expect((await publicDownload(theirs)).statusCode).toBe(404);
  });
});

describe('the catalogue names only stored files of the item’s centre (§6.3.2)', () => {
  it('refuses an unknown id, a non-id and another centre’s file when a draft is saved, at the material’s field', async () => {
    const theirs = await uploaded(pdfBytes('theirs'), '他中心表格.pdf', otherCentreId, otherManager);
    const unknown = await createItem({ blankFormFileId: randomUUID() });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'FILE_NOT_FOUND', fields: [{ path: '/guide/materials/1/blankFormFileId', code: 'FILE_NOT_FOUND' }] });
    expect(unknown.json().error.message).toMatch(/^申请材料“食品经营许可申请书”（第 2 项）的空白表格文件（.+）不存在或不属于本中心，请先上传$/);

    const both = await createItem({ blankFormFileId: 'file-form', sampleFileId: theirs });
    expect(both.statusCode).toBe(422);
    expect(both.json().error.fields).toEqual([
      { path: '/guide/materials/1/blankFormFileId', code: 'FILE_NOT_FOUND', message: expect.stringContaining('空白表格文件（file-form）') },
      { path: '/guide/materials/1/sampleFileId', code: 'FILE_NOT_FOUND', message: expect.stringContaining('格式范本文件') },
    ]);

    const ours = await uploaded(pdfBytes('ours'), '本中心表格.pdf');
    const ok = await createItem({ blankFormFileId: ours });
    expect(ok.statusCode).toBe(201);
    const patched = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${ok.json().id}`, payload: { guide: { materials: [material({ sampleFileId: theirs })] } } });
    expect(patched.statusCode).toBe(422);
    expect(patched.json().error.fields).toEqual([expect.objectContaining({ path: '/guide/materials/0/sampleFileId', code: 'FILE_NOT_FOUND' })]);
    // Other edits of the item do not re-check an unchanged guide.
    expect((await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${ok.json().id}`, payload: { guide: { place: '二楼 8 号窗口' } } })).statusCode).toBe(200);
  });

  it('checks again on submit and approve, at the guide’s own path', async () => {
    const form = await uploaded(pdfBytes('later broken'), '表格.pdf');
    const itemId = (await createItem({ blankFormFileId: form })).json().id;
    // A guide written before this check existed (or restored from elsewhere) names an unknown file.
    const [version] = await ctx.deps.db.select().from(itemVersions).where(eq(itemVersions.itemId, itemId));
    const guide = { ...version!.guide, materials: materialsWith({ blankFormFileId: form, sampleFileId: randomUUID() }) };
    await ctx.deps.db.update(itemVersions).set({ guide }).where(eq(itemVersions.id, version!.id));
    const submit = await act(itemId, 1, 'submit');
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.fields).toEqual([expect.objectContaining({ path: '/materials/1/sampleFileId', code: 'FILE_NOT_FOUND' })]);
    // Submitted with a good guide, then broken before approval: approval refuses too.
    await ctx.deps.db.update(itemVersions).set({ guide: version!.guide }).where(eq(itemVersions.id, version!.id));
    expect((await act(itemId, 1, 'submit')).statusCode).toBe(200);
    await ctx.deps.db.update(itemVersions).set({ guide }).where(eq(itemVersions.id, version!.id));
    const approve = await act(itemId, 1, 'approve', review);
    expect(approve.statusCode).toBe(422);
    expect(approve.json().error.code).toBe('FILE_NOT_FOUND');
  });
});
