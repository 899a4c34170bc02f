import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/** The dashboard: built into web/dist, served by `attache serve` at /. In dev, /api goes to a running serve. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8700' } },
});
