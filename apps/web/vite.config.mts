import { defineConfig } from 'vite';

// The coordinator and sponsor web app: built to apps/web/dist and served by the system (embedded mode at /).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
