// The knowledge file the extension ships (knowledge.json): what the compiler writes and what
// the background and the CLI load. Aliases are spelled out as objects, the name among them.
import type { PrecomputedIndex } from '../engine/alias-index.js';
import type { EntityKind } from './kinds.js';
import type { Entity } from './schema.js';

export const KNOWLEDGE_FORMAT = 1;
export const KNOWLEDGE_FILE = 'knowledge.json';

export type AliasForm = 'name' | 'short' | 'acronym';

export interface CompiledAlias {
  text: string;
  form: AliasForm;
  /** The languages (BCP 47, space-separated) the alias belongs to; absent: any language. */
  lang?: string;
  /** Also an ordinary word: accept only capitalised and with supporting context. */
  common?: true;
  case?: 'any';
}

export interface CompiledEntity extends Omit<Entity, 'aliases' | 'source' | 'prior' | 'kind'> {
  kind: EntityKind;
  aliases: CompiledAlias[];
  source: string;
  prior: number;
}

export interface SourceCredit {
  id: string;
  name: string;
  licence: string;
  url: string;
  /** What Backstory takes from it. */
  what: string;
}

export interface KnowledgeBundle {
  format: typeof KNOWLEDGE_FORMAT;
  /** Hand-written facts are true as of this date (YYYY-MM). */
  asOf: string;
  sources: SourceCredit[];
  entities: CompiledEntity[];
  /** Where each alias is looked up, by entity (the shipped names file has it; see alias-index.ts). */
  index?: PrecomputedIndex;
}

/**
 * The extension ships the knowledge in two files: what finding names needs (the entities
 * without their card's text, and the precomputed index), loaded at a cold start; and what cards
 * show, by entity, loaded when the first card is asked for.
 */
export const KNOWLEDGE_NAMES_FILE = 'knowledge-names.json';
export const KNOWLEDGE_CARDS_FILE = 'knowledge-cards.json.gz';
/** What a card needs besides that. */
export type CardFields = Pick<CompiledEntity, 'description' | 'facts' | 'roles' | 'dates' | 'coords' | 'wikipedia'>;
