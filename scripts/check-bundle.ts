/**
 * Bundle budget: the JavaScript the browser loads before the Search view (the default view) is
 * usable, gzipped, must stay within 300 kB. Reads Vite's build manifest: the entry chunk with its
 * start stages (its own dynamic imports, src/main.tsx) and the Search view's chunk, each with its
 * static imports (other lazy imports do not count: they load later).
 * Prints every chunk of the other views too, so the note can quote them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const BUDGET_KB = 300;
const dist = resolve(process.env.DIST_DIR || 'dist');
const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

const gzKb = (file: string) => gzipSync(readFileSync(resolve(dist, file))).length / 1024;
const sum = (keys: Iterable<string>) =>
  [...keys].reduce((s, k) => s + gzKb(manifest[k]?.file ?? ''), 0);

const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entry) throw new Error('no entry chunk in the manifest');
const viewKeys = Object.keys(manifest).filter((k) => /src\/views\/[^/]+\/\w+View\.tsx$/.test(k));

// The entry's own dynamic imports are its start stages (src/main.tsx), loaded at once.
const initial = new Set<string>();
for (const key of [entry, ...(manifest[entry]?.dynamicImports ?? [])]) closure(key, initial);
const report: [string, number][] = [['entry (shell, selection panel)', sum(initial)]];
let searchTotal = sum(initial);
for (const key of viewKeys) {
  const own = [...closure(key)].filter((k) => !initial.has(k));
  const kb = sum(own);
  report.push([`+ ${key.replace(/^.*\//, '')}`, kb]);
  if (key.endsWith('SearchView.tsx')) searchTotal += kb;
}
for (const [name, kb] of report) console.log(`${name.padEnd(40)} ${kb.toFixed(1)} kB gzip`);
console.log(
  `Search view initial JavaScript: ${searchTotal.toFixed(1)} kB gzip (budget ${BUDGET_KB})`,
);
if (searchTotal > BUDGET_KB) {
  console.error(`Over budget by ${(searchTotal - BUDGET_KB).toFixed(1)} kB`);
  process.exit(1);
}
