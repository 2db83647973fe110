// Reading the shipped knowledge file. The file is the extension's own, but it is still checked
// for its format, so that a stale or damaged file gives a clear message instead of odd cards.
import { KNOWLEDGE_FORMAT, type KnowledgeBundle } from './bundle.js';

export class KnowledgeFileError extends Error {
  override name = 'KnowledgeFileError';
}

function isBundle(value: unknown): value is KnowledgeBundle {
  return (
    typeof value === 'object' &&
    value !== null &&
    'format' in value &&
    value.format === KNOWLEDGE_FORMAT &&
    'entities' in value &&
    Array.isArray(value.entities) &&
    'sources' in value &&
    Array.isArray(value.sources)
  );
}

/** One of the knowledge files, parsed and checked for its shape, or a clear error naming it. */
export function readKnowledgeJson<T>(text: string, what: string, isShaped: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new KnowledgeFileError(`the ${what} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isShaped(value)) throw new KnowledgeFileError(`the ${what} is not in format ${KNOWLEDGE_FORMAT}; rebuild it`);
  return value;
}

export function parseKnowledge(text: string): KnowledgeBundle {
  return readKnowledgeJson(text, 'knowledge file', isBundle);
}

/** Folds case and diacritics, for looking names up: "Türkiye" -> "turkiye". */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}
