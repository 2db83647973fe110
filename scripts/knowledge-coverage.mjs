#!/usr/bin/env node
// Coverage, the ceiling for recall: of the gold entities with a Wikipedia article in
// ../shared/corpus/gold, the share that the knowledge file holds under one of the article's
// mention strings, looked up as the engine matches names in running text of the page's language
// (so "Liverpoolu" in Czech finds Liverpool F.C.). Run after `node build.mjs`.  Usage: node scripts/knowledge-coverage.mjs [--missing]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer, parseKnowledge } from '../dist/engine.mjs';

const GOLD_DIR = process.env.BACKSTORY_GOLD ?? '../shared/corpus/gold';
const showMissing = process.argv.includes('--missing');
// The same folding as the corpus scorer.
const norm = (s) =>
  String(s ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[_\u2010-\u2015-]/g, ' ')
    .replace(/[.’']/g, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

const knowledgeText = readFileSync('dist/knowledge.json', 'utf8');
const bundle = JSON.parse(knowledgeText);
const analyzer = createAnalyzer(parseKnowledge(knowledgeText));
const byReferent = new Map();
for (const entity of bundle.entities) {
  for (const key of [entity.wikipedia, entity.wikipedia ? undefined : entity.name]) {
    if (!key) continue;
    const list = byReferent.get(norm(key)) ?? [];
    list.push(entity);
    byReferent.set(norm(key), list);
  }
}

let total = 0;
let covered = 0;
const rows = [];
for (const file of readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(GOLD_DIR, file), 'utf8'));
  const wanted = gold.entities.filter((entity) => entity.wikipedia);
  const missing = [];
  let found = 0;
  for (const entity of wanted) {
    const candidates = byReferent.get(norm(entity.name)) ?? [];
    const ids = new Set(entity.mentions.flatMap((mention) => analyzer.lookup(mention, gold.lang).map((found) => found.id)));
    const ok = candidates.some((candidate) => ids.has(candidate.id));
    if (ok) found++;
    else missing.push(`${entity.name}${candidates.length ? ' (known, not under its mentions)' : ''}`);
  }
  total += wanted.length;
  covered += found;
  rows.push({ page: gold.page, lang: gold.lang, found, wanted: wanted.length, missing });
}
console.log('| page | lang | gold (wiki) | in knowledge | coverage % |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.page} | ${row.lang} | ${row.wanted} | ${row.found} | ${((100 * row.found) / row.wanted).toFixed(1)} |`);
console.log(`| total | | ${total} | ${covered} | ${((100 * covered) / total).toFixed(1)} |`);
if (showMissing) for (const row of rows) if (row.missing.length) console.log(`\n${row.page}: ${row.missing.join('; ')}`);
