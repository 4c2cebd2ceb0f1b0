// Builds the web console into web/dist, which the platform serves at /. Map and chart code is
// split into lazy chunks by the React.lazy imports; nothing here needs to name them.
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { SESSION_KEY_ITEM } from './src/session.ts';

const OUT_DIR = join(import.meta.dirname, 'dist');
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json)$/;

/**
 * Writes a .br and a .gz beside every text file of the build, once, at the best ratio; the
 * server's static handler (@fastify/static `preCompressed`) picks the one the browser accepts,
 * so no request pays for compression.
 */
function precompress(): Plugin {
  return {
    name: 'parcelgrid-precompress',
    apply: 'build',
    closeBundle() {
      for (const entry of readdirSync(OUT_DIR, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
        const path = join(entry.parentPath, entry.name);
        const bytes = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * A returning user (a key kept in this tab) lands on the overview, whose map and charts code is
 * the slowest part to arrive. A small inline script starts those downloads while the HTML is
 * still being read, before the app's own module has even run; for anyone else (the sign-in
 * page, another page) it does nothing, so their first load stays as small as before.
 */
function preloadOverviewForReturningUsers(): Plugin {
  return {
    name: 'parcelgrid-preload-overview',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const outputs = Object.values(context.bundle ?? {});
        const modules = outputs.filter((output) => output.type === 'chunk' && (output.name === 'city-map' || output.name === 'volume-charts'));
        const css = modules.flatMap((chunk) => (chunk.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : []));
        const worker = outputs.filter((output) => output.type === 'asset' && /maplibre-gl-worker.*\.mjs$/.test(output.fileName)).map((asset) => asset.fileName);
        const links = [...modules.map((chunk) => ['modulepreload', chunk.fileName]), ...[...css, ...worker].map((file) => ['prefetch', file])];
        if (modules.length === 0) return html;
        const script =
          `if (sessionStorage.getItem(${JSON.stringify(SESSION_KEY_ITEM)}) && !/^#\\/?(parcels|tracking|settings)/.test(location.hash)) ` +
          `for (const [rel, href] of ${JSON.stringify(links.map(([rel, file]) => [rel, `/${file}`]))}) ` +
          `document.head.append(Object.assign(document.createElement('link'), { rel, href, crossOrigin: 'anonymous' }));`;
        return { html, tags: [{ tag: 'script', children: script, injectTo: 'head' }] };
      },
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), preloadOverviewForReturningUsers(), precompress()],
  build: { outDir: OUT_DIR, emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: false },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
