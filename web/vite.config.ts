// Builds the web console into web/dist, which the platform serves at /. Map and chart code is
// split into lazy chunks by the React.lazy imports; nothing here needs to name them.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: false },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
