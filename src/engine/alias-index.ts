// Every alias of the knowledge file, indexed for one pass over an article's words: by the
// folded key of its first word, longest aliases first.
import type { AliasForm, CompiledAlias, CompiledEntity } from '../knowledge/bundle.js';
import { detached, foldKey, foldMarks } from './fold.js';
import { aliasWords, asciiKeyHash, SUFFIXING_SCRIPT, UNSPACED_SCRIPT } from './tokens.js';

export interface AliasEntry {
  entity: number;
  text: string;
  form: AliasForm;
  /** The languages the alias belongs to; undefined: any. */
  langs: string[] | undefined;
  common: boolean;
  anyCase: boolean;
  /** Folded keys of the alias's words. */
  keys: string[];
  /** The words with diacritics removed and case kept, for the case rule. */
  words: string[];
  /** What stands between the words: "" for none, " " for space, or the punctuation. */
  separators: string[];
  /** Trailing punctuation that belongs to the alias ("U.S."). */
  trailing: string;
  /** Written in Latin script: a language tag then limits it to articles in that language. */
  latin: boolean;
}

/** The aliases that start with one word: by their second word's key, and those of one word. */
export interface Bucket {
  /** Aliases of two or more words by the key of their second word, longest first. */
  bySecond: Map<string, AliasEntry[]>;
  /** The same for ASCII second words, by asciiKeyHash of the key: looked up without a string. */
  bySecondHash: Map<number, AliasEntry[]>;
  /** Every alias of two or more words, longest first (for languages whose words take endings). */
  longer: AliasEntry[];
  /** Aliases of one word. */
  single: AliasEntry[];
}

export interface AliasIndex {
  /** Aliases whose first word has this folded key. */
  startingWith(key: string): Bucket | undefined;
  /** For scripts without spaces: aliases starting with this character, longest first. */
  startingWithChar(char: string): readonly AliasEntry[] | undefined;
  /** Hangul aliases of one word with this key, matched at the start of a word. */
  hangul(key: string): readonly AliasEntry[] | undefined;
  /**
   * Whether an alias may start at a lower-case ASCII word with this key hash (asciiKeyHash): one
   * whose first word is written in lower case, or which any case fits. False means none can.
   */
  opensInLowerCase(hash: number): boolean;
  hasUnspaced: boolean;
  hasHangul: boolean;
  /** How many entities have this alias text (in any form). */
  ownersOf(text: string): number;
}

function separatorClass(raw: string): string {
  if (/^\s+$/.test(raw)) return ' ';
  if (/^[-‐‑‒–—]$/.test(raw)) return '-';
  return raw.replace(/\s+/g, ' ').replace(/[’‘ʼ′`]/g, "'");
}

const LATIN = /\p{Script=Latin}/u;
const FIRST_WORD = /[\p{L}\p{M}\p{N}\u00AD\u200C\u200D]+/u;
// Most aliases are plain ASCII: their first word and key need no Unicode tables.
const ASCII = /^[\x00-\x7F]*$/;
const ASCII_FIRST_WORD = /[A-Za-z0-9]+/;
// Most words first, then most characters: the longest match wins.
const byLengthDescending = (a: AliasEntry, b: AliasEntry) => b.keys.length - a.keys.length || b.text.length - a.text.length;

interface Pending {
  entity: number;
  alias: CompiledAlias;
}

function materialise({ entity, alias }: Pending): AliasEntry {
  const { keys, words, separators } = aliasWords(alias.text);
  const last = words[words.length - 1] ?? '';
  const lastWordEnd = alias.text.lastIndexOf(last) + last.length;
  return {
    entity,
    text: alias.text,
    form: alias.form,
    langs: alias.lang?.split(' '),
    common: alias.common === true,
    anyCase: alias.case === 'any',
    keys,
    words: words.map(foldMarks),
    separators: separators.map(separatorClass),
    trailing: alias.text.slice(lastWordEnd).trim(),
    latin: LATIN.test(alias.text),
  };
}

/**
 * A map of buckets that are filled in full only when first looked up: building every entry
 * up front would cost a cold start hundreds of milliseconds for aliases most articles never
 * touch.
 */
class LazyBuckets {
  private readonly pending = new Map<string, Pending[]>();
  /** Finds a key's aliases when first asked for (a precomputed index), if there is one. */
  private find: ((key: string) => Pending[] | undefined) | undefined;
  private found = new Set<string>();
  /** Whether the deferred finder has any key. */
  private deferredAny = false;
  private readonly ready = new Map<string, AliasEntry[]>();
  private readonly buckets = new Map<string, Bucket>();

  add(key: string, item: Pending): void {
    const list = this.pending.get(key);
    if (list) list.push(item);
    else this.pending.set(key, [item]);
  }

  deferTo(find: (key: string) => Pending[] | undefined, any: boolean): void {
    this.find = find;
    this.deferredAny = any;
  }

  get empty(): boolean {
    return this.pending.size === 0 && this.ready.size === 0 && !this.deferredAny;
  }

  get(key: string): readonly AliasEntry[] | undefined {
    const built = this.ready.get(key);
    if (built) return built;
    if (this.find && !this.found.has(key)) {
      // Keys come from articles: kept as copies of their own (see detached).
      this.found.add(detached(key));
      for (const item of this.find(key) ?? []) this.add(key, item);
    }
    const raw = this.pending.get(key);
    if (!raw) return undefined;
    const entries = raw.map(materialise).filter((entry) => entry.keys.length > 0).sort(byLengthDescending);
    this.pending.delete(key);
    this.ready.set(detached(key), entries);
    return entries;
  }

  /** The aliases starting with `key`, split by their second word so that a common first word
   * ("the", "new", "north") does not make every occurrence try thousands of aliases. */
  bucket(key: string): Bucket | undefined {
    const known = this.buckets.get(key);
    if (known) return known;
    const entries = this.get(key);
    if (!entries) return undefined;
    const bucket: Bucket = { bySecond: new Map(), bySecondHash: new Map(), longer: [], single: [] };
    for (const entry of entries) {
      const second = entry.keys[1];
      if (second === undefined) {
        bucket.single.push(entry);
        continue;
      }
      bucket.longer.push(entry);
      const list = bucket.bySecond.get(second);
      if (list) list.push(entry);
      else bucket.bySecond.set(second, [entry]);
      if (ASCII.test(second)) {
        const hash = asciiKeyHash(second);
        const sameHash = bucket.bySecondHash.get(hash);
        if (sameHash) sameHash.push(entry);
        else bucket.bySecondHash.set(hash, [entry]);
      }
    }
    this.buckets.set(detached(key), bucket);
    return bucket;
  }
}

/** Which table an alias is looked up in, and under which key: its first word (folded), its first
 * character in scripts without spaces, or its one word in Hangul (which takes particles). */
export type AliasTable = 'words' | 'chars' | 'hangul';

export function aliasKey(text: string): { table: AliasTable; key: string } | undefined {
  const ascii = ASCII.test(text);
  const first = (ascii ? ASCII_FIRST_WORD : FIRST_WORD).exec(text)?.[0];
  if (first === undefined) return undefined;
  if (ascii) return { table: 'words', key: first.toLowerCase() };
  if (UNSPACED_SCRIPT.test(text)) return { table: 'chars', key: foldKey(text.charAt(0)) };
  if (SUFFIXING_SCRIPT.test(text) && first.length === text.length) return { table: 'hangul', key: foldKey(first) };
  return { table: 'words', key: foldKey(first) };
}

/**
 * For each table, each key and the entities (by index) that have an alias under it, written as
 * one string per table: "key:3,17,205;key…". The compiler writes it into the shipped
 * knowledge, so that a cold start does not look at every alias (nor make an array per key): a
 * key's aliases are found when an article first uses it.
 */
export type PrecomputedIndex = Record<AliasTable, string> & {
  /** The ASCII first-word keys of aliases that can open in lower case (opensInLowerCase), joined. */
  lower?: string;
};

/**
 * The ASCII key under which an alias can start at a word written in lower case (any case fits
 * it, or its first word is so written: "de Gaulle", "iPhone"); undefined for every other alias.
 */
function lowerOpenerKey(alias: CompiledAlias, place: { table: AliasTable; key: string }): string | undefined {
  if (place.table !== 'words' || !ASCII.test(place.key)) return undefined;
  const initial = FIRST_WORD.exec(alias.text)?.[0].charAt(0) ?? '';
  return alias.case === 'any' || initial !== initial.toUpperCase() ? place.key : undefined;
}

// Keys are words (or one character of a script without spaces), so neither mark is ever part of
// one; and JSON writes both as they are (control characters would take six bytes each).
const KEY_SEPARATOR = ';';
const OWNERS_SEPARATOR = ':';

export function precomputeIndex(entities: readonly CompiledEntity[]): PrecomputedIndex {
  const tables: Record<AliasTable, Map<string, number[]>> = { words: new Map(), chars: new Map(), hangul: new Map() };
  const lower = new Set<string>();
  entities.forEach((entity, index) => {
    for (const alias of entity.aliases) {
      const place = aliasKey(alias.text);
      if (!place) continue;
      const lowerKey = lowerOpenerKey(alias, place);
      if (lowerKey !== undefined) lower.add(lowerKey);
      const owners = tables[place.table].get(place.key);
      if (!owners) tables[place.table].set(place.key, [index]);
      else if (owners[owners.length - 1] !== index) owners.push(index);
    }
  });
  const write = (table: Map<string, number[]>) =>
    [...table]
      .sort(byCodeUnits)
      .map(([key, owners]) => `${key}${OWNERS_SEPARATOR}${owners.join(',')}`)
      .join(KEY_SEPARATOR);
  return { words: write(tables.words), chars: write(tables.chars), hangul: write(tables.hangul), lower: [...lower].join(KEY_SEPARATOR) };
}

/**
 * A precomputed table, read where it lies: the compiler writes its entries in the order of their
 * keys, so a key is found by binary search over the characters of the table (each step goes back
 * to the start of the entry it lands in). Nothing is built at a cold start: no offsets, no string
 * or map entry for the tens of thousands of keys an article never uses.
 */
class SortedTable {
  constructor(private readonly text: string) {}

  get empty(): boolean {
    return this.text.length === 0;
  }

  /** The owners of a key as text ("3,17,205"), or undefined. */
  get(key: string): string | undefined {
    const { text } = this;
    // Bounds on where the entry may start: `low` is always an entry's start.
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = middle === 0 ? 0 : text.lastIndexOf(KEY_SEPARATOR, middle - 1) + 1;
      const owners = text.indexOf(OWNERS_SEPARATOR, start);
      if (owners < 0) return undefined;
      const order = this.compare(key, start, owners);
      const end = text.indexOf(KEY_SEPARATOR, owners);
      if (order === 0) return text.slice(owners + 1, end < 0 ? text.length : end);
      if (order < 0) high = start;
      else if (end < 0) return undefined;
      else low = end + 1;
    }
    return undefined;
  }

  /** How `key` sorts against the key written from `start` to `end` (by UTF-16 code units, as the compiler sorted them). */
  private compare(key: string, start: number, end: number): number {
    const length = end - start;
    const shorter = Math.min(key.length, length);
    for (let at = 0; at < shorter; at++) {
      const difference = key.charCodeAt(at) - this.text.charCodeAt(start + at);
      if (difference !== 0) return difference;
    }
    return key.length - length;
  }
}

/** Keys in code-unit order, as SortedTable searches them. */
const byCodeUnits = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

export function buildAliasIndex(entities: readonly CompiledEntity[], precomputed?: PrecomputedIndex): AliasIndex {
  const tables: Record<AliasTable, LazyBuckets> = { words: new LazyBuckets(), chars: new LazyBuckets(), hangul: new LazyBuckets() };
  const { words: byFirstKey, chars: byFirstChar, hangul: hangulByKey } = tables;
  // Hashes of the ASCII keys under which an alias may open in lower case; undefined: not known,
  // so any word may open one.
  let lowerOpeners: Set<number> | undefined = new Set<number>();
  if (precomputed) {
    lowerOpeners = precomputed.lower === undefined ? undefined : new Set(precomputed.lower.split(KEY_SEPARATOR).filter(Boolean).map(asciiKeyHash));
    for (const table of ['words', 'chars', 'hangul'] as const) {
      const owners = new SortedTable(precomputed[table]);
      tables[table].deferTo((key) => {
        const list = owners.get(key);
        if (list === undefined) return undefined;
        return list.split(',').flatMap((position) => {
          const index = Number(position);
          return (entities[index]?.aliases ?? [])
            .filter((alias) => {
              const place = aliasKey(alias.text);
              return place?.table === table && place.key === key;
            })
            .map((alias) => ({ entity: index, alias }));
        });
      }, !owners.empty);
    }
  } else {
    entities.forEach((entity, index) => {
      for (const alias of entity.aliases) {
        const place = aliasKey(alias.text);
        if (!place) continue;
        tables[place.table].add(place.key, { entity: index, alias });
        const lowerKey = lowerOpenerKey(alias, place);
        if (lowerKey !== undefined) lowerOpeners?.add(asciiKeyHash(lowerKey));
      }
    });
  }
  const ownerCounts = new Map<string, number>();
  return {
    startingWith: (key) => byFirstKey.bucket(key),
    startingWithChar: (char) => byFirstChar.get(char),
    hangul: (key) => hangulByKey.get(key),
    opensInLowerCase: (hash) => lowerOpeners === undefined || lowerOpeners.has(hash),
    hasUnspaced: !byFirstChar.empty,
    hasHangul: !hangulByKey.empty,
    // Counted from the alias's own bucket when first asked, once per text: every alias with the
    // same text has the same first word, so the bucket holds all its owners.
    ownersOf: (text) => {
      let count = ownerCounts.get(text);
      if (count === undefined) {
        const first = FIRST_WORD.exec(text)?.[0];
        const bucket = first === undefined ? undefined : byFirstKey.bucket(foldKey(first));
        count = bucket ? new Set([...bucket.single, ...bucket.longer].filter((entry) => entry.text === text).map((entry) => entry.entity)).size : 0;
        ownerCounts.set(text, count);
      }
      return count;
    },
  };
}
