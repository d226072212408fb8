// The desk web app (web/src) built into dist/web: one script bundle (esbuild; Leaflet and topojson-client
// inside), one stylesheet (Leaflet's and ours), and the basemap as TopoJSON copied from the world-atlas
// package (Natural Earth 1:110m and 1:50m countries). Nothing is fetched from a network, at build time or
// when the page runs.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, URL } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}dist/web/`;
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [`${root}web/src/main.ts`],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  outfile: `${out}app.js`,
  logLevel: 'warning',
});

const css = [readFileSync(require.resolve('leaflet/dist/leaflet.css'), 'utf8'), readFileSync(`${root}web/src/style.css`, 'utf8')].join('\n');
writeFileSync(`${out}app.css`, css);
for (const res of ['110m', '50m']) copyFileSync(require.resolve(`world-atlas/countries-${res}.json`), `${out}countries-${res}.json`);
