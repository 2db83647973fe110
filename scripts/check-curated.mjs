#!/usr/bin/env node
// Checks hand-written knowledge files against the schema and their canonical form:
//   node scripts/check-curated.mjs [--fix] FILE...
// --fix rewrites each valid file in canonical form (sorted by id, one entity a line).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const args = process.argv.slice(2);
const fix = args.includes('--fix');
const files = args.filter((arg) => arg !== '--fix');
if (files.length === 0) {
  process.stderr.write('usage: node scripts/check-curated.mjs [--fix] FILE...\n');
  process.exit(2);
}
const dir = await mkdtemp(join(tmpdir(), 'backstory-check-'));
await esbuild.build({
  entryPoints: ['src/knowledge/curated-format.ts'],
  outfile: join(dir, 'format.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const { parseEntities, formatEntities, describeError } = await import(join(dir, 'format.mjs'));
await rm(dir, { recursive: true });

let failed = false;
const ids = new Map();
for (const file of files) {
  const text = await readFile(file, 'utf8');
  const { entities, errors } = parseEntities(file, text);
  for (const error of errors) process.stdout.write(`${describeError(error)}\n`);
  for (const entity of entities) {
    if (ids.has(entity.id)) {
      process.stdout.write(`${file}: ${entity.id}: duplicate id (also in ${ids.get(entity.id)})\n`);
      failed = true;
    }
    ids.set(entity.id, file);
  }
  failed ||= errors.length > 0;
  const canonical = formatEntities(entities);
  if (errors.length === 0 && canonical !== text) {
    if (fix) await writeFile(file, canonical);
    else {
      process.stdout.write(`${file}: not in canonical form (run with --fix)\n`);
      failed = true;
    }
  }
  process.stdout.write(`${file}: ${entities.length} valid, ${errors.length} problems\n`);
}
process.exit(failed ? 1 : 0);
