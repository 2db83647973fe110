// The knowledge file, loaded once per background lifetime and only when first needed: the
// gzipped file the extension ships, inflated by the browser's own DecompressionStream.
import { createAnalyzer, type Analyzer } from '../engine/analyze.js';
import type { LandRings } from '../engine/locator-map.js';
import { KNOWLEDGE_FILE, type KnowledgeBundle } from '../knowledge/bundle.js';
import { parseKnowledge } from '../knowledge/load.js';
import { withPacks } from '../knowledge/packs.js';
import { loadPacks } from '../platform/packs-store.js';
import { extensionFileUrl } from '../platform/runtime.js';

const SHIPPED_FILE = `${KNOWLEDGE_FILE}.gz`;
const WORLD_MAP_FILE = 'world-map.json';

let shipped: Promise<KnowledgeBundle> | undefined;
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

async function loadShipped(): Promise<KnowledgeBundle> {
  const response = await fetch(extensionFileUrl(SHIPPED_FILE));
  if (!response.ok || !response.body) throw new Error(`the knowledge file could not be read (${response.status})`);
  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  return parseKnowledge(text);
}

/** The shipped knowledge with the reader's enabled packs laid over it. */
async function load(): Promise<Analyzer> {
  const started = performance.now();
  shipped ??= loadShipped().catch((error: unknown) => {
    shipped = undefined;
    throw error;
  });
  const [bundle, { packs, notice }] = await Promise.all([shipped, loadPacks()]);
  if (notice) console.warn(`Backstory: ${notice}`);
  const ready = createAnalyzer({ ...bundle, entities: withPacks(bundle.entities, packs) });
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
