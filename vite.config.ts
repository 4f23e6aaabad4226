/**
 * Build of the web apps: one entry per app, so a display screen never loads the
 * admin bundle. Adding an app = a folder web/<app>/ with index.html + main.tsx,
 * one line in `input` below and its name in WEB_APPS (src/platform/http/web-routes.ts).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const web = resolve(import.meta.dirname, 'web');

export default defineConfig({
  root: web,
  base: '/',
  // Vite 8 transforms TSX with oxc; React 19's automatic runtime, no plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // antd marks its modules "use client"; that means nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        admin: resolve(web, 'admin/index.html'),
        portal: resolve(web, 'portal/index.html'),
        counter: resolve(web, 'counter/index.html'),
        kiosk: resolve(web, 'kiosk/index.html'),
        display: resolve(web, 'display/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
