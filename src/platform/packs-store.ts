// Knowledge packs in storage.local (about 10 MB in Chrome, more in Firefox; storage.sync is far
// too small). Every stored pack is checked again when read: a damaged one is left out with a
// notice and is not overwritten until the reader changes their packs.
import * as v from 'valibot';
import { PACK_LIMITS, type Pack } from '../knowledge/packs.js';
import { Entity } from '../knowledge/schema.js';
import { browser } from './browser.js';
import { PACKS_KEY, watchPackChanges } from './pack-changes.js';

const StoredPack = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  enabled: v.boolean(),
  importedAt: v.pipe(v.string(), v.isoTimestamp()),
  entities: v.pipe(v.array(Entity), v.maxLength(PACK_LIMITS.entities)),
});

export interface LoadedPacks {
  packs: Pack[];
  notice?: string;
}

export function readPacks(stored: unknown): LoadedPacks {
  if (stored === undefined) return { packs: [] };
  if (!Array.isArray(stored)) return { packs: [], notice: 'Your knowledge packs could not be read; none is in use.' };
  const packs: Pack[] = [];
  let damaged = 0;
  for (const item of stored.slice(0, PACK_LIMITS.packs)) {
    const parsed = v.safeParse(StoredPack, item);
    if (parsed.success) packs.push(parsed.output);
    else damaged++;
  }
  return damaged > 0 ? { packs, notice: `${damaged} of your knowledge packs could not be read and ${damaged === 1 ? 'is' : 'are'} not in use.` } : { packs };
}

export async function loadPacks(): Promise<LoadedPacks> {
  try {
    return readPacks((await browser.storage.local.get(PACKS_KEY))[PACKS_KEY]);
  } catch (error) {
    return { packs: [], notice: `Your knowledge packs could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** The browser's storage for the extension is full; what was stored stays as it was. */
export class PackStorageFullError extends Error {
  override name = 'PackStorageFullError';
}

/** Saves the packs; a full storage throws PackStorageFullError and leaves the stored packs as they were. */
export async function savePacks(packs: readonly Pack[]): Promise<void> {
  if (packs.length > PACK_LIMITS.packs) throw new Error(`at most ${PACK_LIMITS.packs} packs`);
  try {
    await browser.storage.local.set({ [PACKS_KEY]: packs });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/quota/i.test(text)) throw new PackStorageFullError(text);
    throw error;
  }
}

/** Calls `onChange` with the packs whenever they change (in any context). */
export function watchPacks(onChange: (loaded: LoadedPacks) => void, signal: AbortSignal): void {
  watchPackChanges((newValue) => onChange(readPacks(newValue)), signal);
}
