// Bundles the console into ../dist (committed, embedded into AslOnDurable.WebConsole.dll): console.js (dagre and all sources, minified),
// console.css and index.html. Deterministic: the same sources and locked packages give the same bytes, so CI rebuilds
// into a temporary folder and compares (`node build.mjs --out DIR`).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(here, '..', 'dist');
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.js')],
  outfile: join(out, 'console.js'),
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
});
await copyFile(join(here, 'src', 'console.css'), join(out, 'console.css'));
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
console.log(`console bundled into ${out}`);
