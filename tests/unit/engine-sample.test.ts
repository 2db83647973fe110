// The sample article (a public-domain VOA report, tests/fixtures/pages/voa-summit/) through the
// same path as `backstory analyze`: Readability, then the engine with the real knowledge file.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromHtml, type Article } from '../../src/cli/article.js';
import { createAnalyzer, type FoundEntity } from '../../src/engine/analyze.js';
import { parseKnowledge } from '../../src/knowledge/load.js';
import { parseNamesFile } from '../../src/knowledge/split.js';

let article: Article;
let found: FoundEntity[];
const byTitle = (title: string) => found.find((entity) => entity.wikipedia === title);
const formsOf = (title: string) => new Set(byTitle(title)?.mentions.map((mention) => mention.text));

beforeAll(() => {
  article = articleFromHtml(readFileSync('tests/fixtures/pages/voa-summit/index.html', 'utf8'));
  const analyzer = createAnalyzer(parseKnowledge(readFileSync('dist/knowledge.json', 'utf8')));
  found = analyzer.analyze({ text: article.text, title: article.title, lang: article.language ?? 'en', ...(article.published ? { date: article.published } : {}) });
});

// Everything the article names, by Wikipedia title (the corpus's gold for the seed page, which
// also counts the summit).
const EXPECTED = [
  'Panmunjom', 'Singapore', 'Korean Central News Agency', 'Kim Jong Un', 'Moon Jae-in', 'Donald Trump', 'Heather Nauert',
  'Sarah Huckabee Sanders', 'United States Department of State', 'White House', 'Politico', 'North Korea', 'South Korea',
  'Japan', 'China', 'United States', 'Korean Peninsula', 'Washington, D.C.',
];
const ALSO_RIGHT = ['2018 North Korea–United States Singapore Summit'];

describe('the sample article', () => {
  it('is read with its headline and publication date', () => {
    expect(article.title).toBe('US, North Korean Officials Discuss Preparations for Potential Summit');
    expect(article.published).toBe('2018-05-27');
  });

  it.each(EXPECTED)('yields %s', (title) => {
    expect(byTitle(title)).toBeDefined();
  });

  it('yields nothing wrong: every card is one of the article’s entities', () => {
    const unexpected = found.filter((entity) => !entity.wikipedia || ![...EXPECTED, ...ALSO_RIGHT].includes(entity.wikipedia));
    expect(unexpected.map((entity) => `${entity.name} <- ${entity.mentions[0]?.text}`)).toEqual([]);
  });

  it('links "Kim" to Kim Jong Un, "Moon" to Moon Jae-in and "the North" to North Korea', () => {
    expect(formsOf('Kim Jong Un')).toContain('Kim');
    expect(formsOf('Moon Jae-in')).toContain('Moon');
    expect([...formsOf('North Korea')].map((form) => form.toLowerCase())).toContain('the north');
  });

  it('finds KCNA by its acronym and Sarah Sanders by her short name', () => {
    expect(formsOf('Korean Central News Agency')).toContain('KCNA');
    expect(formsOf('Sarah Huckabee Sanders')).toContain('Sarah Sanders');
  });

  it('gives no card for the Moon, Sunday or June', () => {
    const texts = found.flatMap((entity) => entity.mentions.map((mention) => mention.text));
    for (const word of ['Sunday', 'June', 'Saturday']) expect(texts).not.toContain(word);
    expect(found.some((entity) => entity.subkind === 'celestial')).toBe(false);
  });

  it('shows the roles held in May 2018', () => {
    expect(byTitle('Moon Jae-in')?.role_at_date).toBe('President of South Korea, 2017–2022');
    expect(byTitle('Donald Trump')?.role_at_date).toMatch(/^President of the United States, 2017–2021/);
    expect(byTitle('Sarah Huckabee Sanders')?.role_at_date).toMatch(/Press Secretary/);
  });

  it('ranks Kim Jong Un and Donald Trump among the most salient', () => {
    const top = found.slice(0, 5).map((entity) => entity.wikipedia);
    expect(top).toEqual(expect.arrayContaining(['Kim Jong Un', 'Donald Trump']));
  });
});

describe('the knowledge as the extension ships it', () => {
  it('finds the same in the sample article through the names file (its index read in place) as through the whole file', () => {
    const whole = parseKnowledge(readFileSync('dist/knowledge.json', 'utf8'));
    const shipped = parseNamesFile(readFileSync('dist/chrome/knowledge-names.json', 'utf8'));
    const input = { text: article.text, title: article.title, lang: 'en', ...(article.published ? { date: article.published } : {}) };
    const summary = (analyzer: ReturnType<typeof createAnalyzer>) => analyzer.analyze(input).map(({ id, mentions }) => [id, mentions.map(({ start }) => start)]);
    expect(summary(createAnalyzer(shipped))).toEqual(summary(createAnalyzer(whole)));
    const lookup = createAnalyzer(shipped);
    for (const name of ['Panmunjom', 'Singapore', 'KCNA', 'Zürich', 'São Paulo', '판문점', '北京', 'de Gaulle', 'iPhone']) {
      expect(lookup.lookup(name).map((entity) => entity.id), name).toEqual(createAnalyzer(whole).lookup(name).map((entity) => entity.id));
    }
    expect(lookup.lookup('Panmunjom').length).toBeGreaterThan(0);
  });
});
