#!/usr/bin/env node
// `npm run eval [-- --verbose]`: scores the engine on ../shared/corpus with its own scorer
// (linking precision and recall per page; English and other languages apart).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const corpus = resolve(process.env.BACKSTORY_CORPUS ?? '../shared/corpus');
const scorer = `${corpus}/score.mjs`;
if (!existsSync(scorer)) {
  process.stderr.write(`eval: no scorer at ${scorer}; set BACKSTORY_CORPUS to the corpus folder\n`);
  process.exit(2);
}
if (!existsSync('dist/cli.mjs')) {
  process.stderr.write('eval: dist/cli.mjs is missing; run npm run build first\n');
  process.exit(2);
}
const passThrough = process.argv.slice(2);
const run = spawnSync(process.execPath, [scorer, ...passThrough, '--', process.execPath, 'dist/cli.mjs', 'analyze', '--json', '{file}'], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
