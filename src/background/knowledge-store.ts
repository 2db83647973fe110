// The knowledge file, loaded once per background lifetime and only when first needed: the
// gzipped file the extension ships, inflated by the browser's own DecompressionStream.
import { createAnalyzer, type Analyzer } from '../engine/analyze.js';
import type { LandRings } from '../engine/locator-map.js';
import { KNOWLEDGE_CARDS_FILE, KNOWLEDGE_NAMES_FILE, type CardFields, type CompiledEntity, type KnowledgeBundle } from '../knowledge/bundle.js';
import { KnowledgeFileError } from '../knowledge/load.js';
import { packsUseTitles, withPacks } from '../knowledge/packs.js';
import { parseNamesFile, withCard } from '../knowledge/split.js';
import { loadPacks } from '../platform/packs-store.js';
import { extensionFileUrl } from '../platform/runtime.js';

const WORLD_MAP_FILE = 'world-map.json';

let shipped: Promise<KnowledgeBundle> | undefined;
let cards: Promise<CardFields[]> | undefined;
/** Where each shipped entity is in the files, to find its card. */
let shippedIndex: Map<string, number> | undefined;
let analyzer: Promise<Analyzer> | undefined;
let landRings: Promise<LandRings> | undefined;

function isRings(value: unknown): value is LandRings {
  return Array.isArray(value) && value.every((ring) => Array.isArray(ring) && ring.every((n) => typeof n === 'number'));
}

/** Land outlines for locator maps, loaded on the first card of a place. */
export function getLandRings(): Promise<LandRings> {
  landRings ??= fetch(extensionFileUrl(WORLD_MAP_FILE))
    .then((response) => response.json())
    .then((value: unknown) => {
      if (!isRings(value)) throw new Error('the world map file is damaged');
      return value;
    })
    .catch((error: unknown) => {
      landRings = undefined;
      throw error;
    });
  return landRings;
}

/** The User Timing measure of a cold load, which `npm run bench` reads from the background. */
export const LOAD_MEASURE = 'backstory-knowledge-load';

/** A JSON file of the extension; a gzipped one is inflated by the browser's own DecompressionStream. */
async function readJsonFile(file: string): Promise<string> {
  const response = await fetch(extensionFileUrl(file));
  if (!response.ok || !response.body) throw new Error(`${file} could not be read (${response.status})`);
  if (!file.endsWith('.gz')) return response.text();
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
}

async function loadShipped(): Promise<KnowledgeBundle> {
  const bundle = parseNamesFile(await readJsonFile(KNOWLEDGE_NAMES_FILE));
  shippedIndex = undefined;
  return bundle;
}

function isCardList(value: unknown, length: number): value is CardFields[] {
  return Array.isArray(value) && value.length === length && value.every((card) => typeof card === 'object' && card !== null && typeof (card as { description?: unknown }).description === 'string');
}

/** The cards file, read on the first card (a cold start does not wait for it). */
function getCards(): Promise<CardFields[]> {
  cards ??= Promise.all([readJsonFile(KNOWLEDGE_CARDS_FILE), getShipped()])
    .then(([text, bundle]) => {
      const value: unknown = JSON.parse(text);
      if (!isCardList(value, bundle.entities.length)) throw new KnowledgeFileError('the cards file does not match the names file; rebuild them');
      return value;
    })
    .catch((error: unknown) => {
      cards = undefined;
      throw error;
    });
  return cards;
}

function getShipped(): Promise<KnowledgeBundle> {
  shipped ??= loadShipped().catch((error: unknown) => {
    shipped = undefined;
    throw error;
  });
  return shipped;
}

/** Wikipedia title -> id of the shipped entities (the titles are in the cards file). */
async function shippedTitles(bundle: KnowledgeBundle): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  (await getCards()).forEach((card, position) => {
    const id = bundle.entities[position]?.id;
    if (card.wikipedia && id) titles.set(card.wikipedia, id);
  });
  return titles;
}

/** Reads the cards file ahead of the first card, once names are found (background time only). */
export function prefetchCards(): void {
  void getCards().catch((error: unknown) => console.warn('Backstory: the cards file could not be read:', error));
}

/**
 * An entity whole, for its card: a pack's entity as it is, a shipped one with its card from the
 * cards file.
 */
export async function entityForCard(id: string): Promise<CompiledEntity | undefined> {
  const entity = (await getAnalyzer()).entity(id);
  if (!entity || entity.source.startsWith('pack:')) return entity;
  // Mapped on the first card, not at a cold start.
  const shippedEntities = (await getShipped()).entities;
  shippedIndex ??= new Map(shippedEntities.map((shippedEntity, position) => [shippedEntity.id, position]));
  const index = shippedIndex.get(id);
  return index === undefined ? entity : withCard(entity, (await getCards())[index]);
}

/** The shipped knowledge with the reader's enabled packs laid over it. */
async function load(): Promise<Analyzer> {
  const started = performance.now();
  const [bundle, { packs, notice }] = await Promise.all([getShipped(), loadPacks()]);
  if (notice) console.warn(`Backstory: ${notice}`);
  // Packs change entities in place or add some: then the precomputed index no longer fits.
  // A pack entry may replace a shipped one by its Wikipedia title, which the cards file holds.
  const titles = packsUseTitles(packs) ? await shippedTitles(bundle) : undefined;
  const entities = withPacks(bundle.entities, packs, titles);
  const { index: _precomputed, ...withoutIndex } = bundle;
  const ready = createAnalyzer(packs.some((pack) => pack.enabled) ? { ...withoutIndex, entities } : bundle);
  performance.measure(LOAD_MEASURE, { start: started, end: performance.now() });
  return ready;
}

/** The analyzer over the knowledge; a failed load is retried on the next call. */
export function getAnalyzer(): Promise<Analyzer> {
  analyzer ??= load().catch((error: unknown) => {
    analyzer = undefined;
    throw error;
  });
  return analyzer;
}

/** The packs changed: the next request builds the analyzer again (the shipped file stays parsed). */
export function forgetAnalyzer(): void {
  analyzer = undefined;
}
