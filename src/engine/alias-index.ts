// Every alias of the knowledge file, indexed for one pass over an article's words: by the
// folded key of its first word, longest aliases first.
import type { AliasForm, CompiledEntity } from '../knowledge/bundle.js';
import { foldKey, foldMarks } from './fold.js';
import { aliasWords, SUFFIXING_SCRIPT, UNSPACED_SCRIPT } from './tokens.js';

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

export interface AliasIndex {
  /** First-word key -> aliases starting with it, longest first. */
  byFirstKey: Map<string, AliasEntry[]>;
  /** For scripts without spaces: first character -> aliases, longest first. */
  byFirstChar: Map<string, AliasEntry[]>;
  /** Hangul aliases of one word, by key, matched at the start of a word. */
  hangulByKey: Map<string, AliasEntry[]>;
  /** How many entities have each alias text (in any form). */
  ownersOf: Map<string, number>;
  size: number;
}

function separatorClass(raw: string): string {
  if (/^\s+$/.test(raw)) return ' ';
  if (/^[-‐‑‒–—]$/.test(raw)) return '-';
  return raw.replace(/\s+/g, ' ').replace(/[’‘ʼ′`]/g, "'");
}

function push<K>(map: Map<K, AliasEntry[]>, key: K, entry: AliasEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

const LATIN = /\p{Script=Latin}/u;
// Most words first, then most characters: the longest match wins.
const byLengthDescending = (a: AliasEntry, b: AliasEntry) => b.keys.length - a.keys.length || b.text.length - a.text.length;

export function buildAliasIndex(entities: readonly CompiledEntity[]): AliasIndex {
  const byFirstKey = new Map<string, AliasEntry[]>();
  const byFirstChar = new Map<string, AliasEntry[]>();
  const hangulByKey = new Map<string, AliasEntry[]>();
  const ownersOf = new Map<string, number>();
  let size = 0;
  entities.forEach((entity, index) => {
    for (const text of new Set(entity.aliases.map((alias) => alias.text))) ownersOf.set(text, (ownersOf.get(text) ?? 0) + 1);
    for (const alias of entity.aliases) {
      const { keys, words, separators } = aliasWords(alias.text);
      const [firstKey] = keys;
      if (firstKey === undefined) continue;
      const lastWordEnd = alias.text.lastIndexOf(words[words.length - 1] ?? '') + (words[words.length - 1]?.length ?? 0);
      const entry: AliasEntry = {
        entity: index,
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
      size++;
      if (UNSPACED_SCRIPT.test(alias.text)) push(byFirstChar, foldKey(alias.text.charAt(0)), entry);
      else if (SUFFIXING_SCRIPT.test(alias.text) && keys.length === 1) push(hangulByKey, firstKey, entry);
      else push(byFirstKey, firstKey, entry);
    }
  });
  for (const map of [byFirstKey, byFirstChar, hangulByKey]) for (const list of map.values()) list.sort(byLengthDescending);
  return { byFirstKey, byFirstChar, hangulByKey, ownersOf, size };
}
