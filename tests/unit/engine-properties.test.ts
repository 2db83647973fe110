// Properties of the engine on the real knowledge file (npm test builds dist/knowledge.json first).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAliasIndex, precomputeIndex } from '../../src/engine/alias-index.js';
import { createAnalyzer } from '../../src/engine/analyze.js';
import { parseKnowledge } from '../../src/knowledge/load.js';

const knowledge = parseKnowledge(readFileSync('dist/knowledge.json', 'utf8'));
const analyzer = createAnalyzer(knowledge);
const SAMPLE = readFileSync('tests/fixtures/pages/voa-summit/article.txt', 'utf8');

// Text that looks like news: names the knowledge holds, mixed with random Unicode.
const newsy = fc.array(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom('North Korea', 'Moon Jae-in', 'Moon', 'Kim', 'U.S.', 'the North', 'Georgia', 'Washington', '판문점', "Korea's", ' ', '\n\n', '. ', '’s', '\u00ad'),
  ),
  { maxLength: 60 },
).map((parts) => parts.join(' '));

describe('the engine on any text', () => {
  it('never throws, and gives offsets inside the text that do not overlap', () => {
    fc.assert(
      fc.property(newsy, fc.constantFrom('en', 'es', 'ko', undefined), (text, lang) => {
        const found = analyzer.analyze({ text, ...(lang ? { lang } : {}) });
        const spans = found.flatMap((entity) => entity.mentions).sort((a, b) => a.start - b.start);
        for (const [i, span] of spans.entries()) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(span.end).toBeGreaterThan(span.start);
          expect(text.slice(span.start, span.end)).toBe(span.text);
          const next = spans[i + 1];
          if (next) expect(next.start).toBeGreaterThanOrEqual(span.end);
        }
        for (const entity of found) expect(entity.salience).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('takes time in proportion to the length of the text', () => {
    const timeFor = (text: string) => {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        analyzer.analyze({ text, lang: 'en' });
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = SAMPLE.repeat(10); // about 50 KB
    const large = SAMPLE.repeat(80); // eight times as much
    timeFor(small); // warm up
    const ratio = timeFor(large) / timeFor(small);
    // Linear work gives about 8; quadratic work would give about 64.
    expect(ratio).toBeLessThan(20);
  });
});

describe('the precomputed alias index', () => {
  it('finds every key it holds by binary search over its text, and no other', () => {
    // As the build writes it into the names file.
    const index = precomputeIndex(knowledge.entities);
    const aliases = buildAliasIndex(knowledge.entities, index);
    const keys = index.words.split(';').map((entry) => entry.slice(0, entry.indexOf(':')));
    expect(keys.length).toBeGreaterThan(10_000);
    for (const key of keys) expect(aliases.startingWith(key), key).toBeDefined();
    // Keys that sort before, between and after the real ones.
    for (const absent of ['', '0000', 'aaaaaaa', ...keys.slice(0, 2000).map((key) => `${key}qqq`), '\uffff']) {
      if (!keys.includes(absent)) expect(aliases.startingWith(absent), absent).toBeUndefined();
    }
  });
});
