import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, databaseUrl: undefined, demo: undefined, logLevel: 'info', sessionHours: 12, trustProxy: false });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '9090',
      GOVHALL_DATA_DIR: '/var/lib/govhall',
      DATABASE_URL: 'postgres://u@h:5432/db',
      GOVHALL_ADMIN_PASSWORD: 'Secret-pass-1',
      GOVHALL_DEMO: '0',
      LOG_LEVEL: 'warn',
      GOVHALL_TRUST_PROXY: '1',
    });
    expect(c).toMatchObject({
      port: 9090,
      dataDir: '/var/lib/govhall',
      databaseUrl: 'postgres://u@h:5432/db',
      adminPassword: 'Secret-pass-1',
      demo: false,
      logLevel: 'warn',
      trustProxy: true,
    });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', GOVHALL_ADMIN_PASSWORD: 'short', GOVHALL_DEMO: 'yes', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PORT[\s\S]*DATABASE_URL[\s\S]*GOVHALL_ADMIN_PASSWORD[\s\S]*GOVHALL_DEMO[\s\S]*LOG_LEVEL/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('reads the public URL of the QR codes without its trailing slash, and refuses one that is not http(s)', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ GOVHALL_PUBLIC_URL: 'https://zwfw.example.gov.cn/govhall/' }).publicUrl).toBe('https://zwfw.example.gov.cn/govhall');
    expect(loadConfig({ GOVHALL_PUBLIC_URL: 'http://10.0.0.5:8080' }).publicUrl).toBe('http://10.0.0.5:8080');
    for (const bad of ['zwfw.example.gov.cn', 'ftp://zwfw.example.gov.cn', 'https://zwfw.example.gov.cn/?a=1', 'https://u:p@zwfw.example.gov.cn']) {
      expect(() => loadConfig({ GOVHALL_PUBLIC_URL: bad }), bad).toThrow(/GOVHALL_PUBLIC_URL/);
    }
  });

  it('takes a TrueType font file for PDF documents, and refuses what is not one', () => {
    const font = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
    expect(loadConfig({ GOVHALL_PDF_FONT: font }).pdfFont).toBe(font);
    expect(loadConfig({}).pdfFont).toBeUndefined();
    expect(() => loadConfig({ GOVHALL_PDF_FONT: '/nonexistent/font.ttf' })).toThrow(/GOVHALL_PDF_FONT cannot be read/);
    expect(() => loadConfig({ GOVHALL_PDF_FONT: fileURLToPath(import.meta.url) })).toThrow(/GOVHALL_PDF_FONT must be a TrueType/);
  });
});
