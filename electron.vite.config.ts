import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * In development only, drops the page's CSP <meta>: Vite's React Refresh preamble is an inline
 * script, which the strict policy forbids. The main process still sends its development policy
 * as a header (src/main/shell/csp.ts); built pages keep the strict <meta>.
 */
const devWithoutCspMeta = (): Plugin => ({
  name: 'citizen-audit:dev-without-csp-meta',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, ''),
});

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The core runs in a worker thread (src/main/core/host): its entry is a file of its own.
          coreWorker: resolve(__dirname, 'src/main/core/host/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can `require` only `electron` and a few Node shims, so nothing may
      // stay external: bundle what it imports from src/shared (the zod-free channel names) into index.cjs.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module: emit CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), devWithoutCspMeta()],
  },
});
