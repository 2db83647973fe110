// The engine's one public entry: text in, the entities it names out, each linked to the
// knowledge file, with the role true at the article's date and how central it is.
import type { CompiledEntity, KnowledgeBundle } from '../knowledge/bundle.js';
import { buildAliasIndex, type AliasIndex } from './alias-index.js';
import { linkMatches, type Mention } from './link.js';
import { detectLanguage } from './language.js';
import { findMatches } from './match.js';
import { normaliseSalience, rawSalience } from './salience.js';
import { describeRole, roleAt } from './time.js';
import { tokenize } from './tokens.js';

export interface AnalyzeInput {
  text: string;
  /** The headline, when it is known apart from the text. */
  title?: string;
  /** Publication date, YYYY-MM-DD (or longer ISO); selects the roles to show. */
  date?: string;
  /**
   * BCP 47 language of the article; aliases in other Latin-script languages do not apply.
   * Guessed from the text when absent.
   */
  lang?: string;
}

export interface EntityMention {
  start: number;
  end: number;
  text: string;
}

export interface FoundEntity {
  id: string;
  name: string;
  kind: CompiledEntity['kind'];
  subkind: string;
  wikipedia: string | null;
  description: string;
  salience: number;
  role_at_date: string | null;
  mentions: EntityMention[];
}

export interface Analyzer {
  analyze(input: AnalyzeInput): FoundEntity[];
  entity(id: string): CompiledEntity | undefined;
  /**
   * Every entity that a name on its own could mean, as the engine would match it in running
   * text of that language (case rule, separators, inflected endings), before any linking.
   */
  lookup(name: string, lang?: string): CompiledEntity[];
  readonly knowledge: KnowledgeBundle;
}

function mentionsIn(text: string, lang: string, index: AliasIndex, entities: readonly CompiledEntity[], date?: string): Mention[] {
  const tokens = tokenize(text);
  return linkMatches(text, tokens, findMatches(text, tokens, index, lang), entities, date, index.ownersOf, lang);
}

function byEntity(mentions: readonly Mention[]): Map<number, Mention[]> {
  const grouped = new Map<number, Mention[]>();
  for (const mention of mentions) {
    const list = grouped.get(mention.entity);
    if (list) list.push(mention);
    else grouped.set(mention.entity, [mention]);
  }
  return grouped;
}

export function createAnalyzer(knowledge: KnowledgeBundle): Analyzer {
  const entities = knowledge.entities;
  const index = buildAliasIndex(entities, knowledge.index);
  // Built on the first look-up by id (a card), not at a cold start.
  let byId: Map<string, CompiledEntity> | undefined;
  const entityById = (id: string) => (byId ??= new Map(entities.map((entity) => [entity.id, entity]))).get(id);

  function analyze({ text, title, date, lang }: AnalyzeInput): FoundEntity[] {
    const language = lang ? (lang.toLowerCase().split('-')[0] ?? 'en') : detectLanguage(`${title ?? ''}\n${text}`);
    const day = date?.slice(0, 10);
    const mentions = mentionsIn(text, language, index, entities, day);
    const headline = new Set(title ? mentionsIn(title, language, index, entities, day).map((mention) => mention.entity) : []);

    const found = [...byEntity(mentions)].map(([entityIndex, list]) => ({ entityIndex, entity: entities[entityIndex], list }));
    const raw = found.map(({ list, entityIndex }) =>
      rawSalience({
        mentions: list.length,
        firstPosition: text.length > 0 ? (list[0]?.start ?? 0) / text.length : 0,
        inHeadline: headline.has(entityIndex),
      }),
    );
    const salience = normaliseSalience(raw);
    return found
      .flatMap(({ entity, list }, i): FoundEntity[] => {
        if (!entity) return [];
        const role = roleAt(entity.roles, day);
        return [
          {
            id: entity.id,
            name: entity.name,
            kind: entity.kind,
            subkind: entity.subkind,
            wikipedia: entity.wikipedia ?? null,
            description: entity.description,
            salience: salience[i] ?? 0,
            role_at_date: role ? describeRole(role) : null,
            mentions: list.map(({ start, end }) => ({ start, end, text: text.slice(start, end) })),
          },
        ];
      })
      .sort((a, b) => b.salience - a.salience || a.name.localeCompare(b.name));
  }

  function lookup(name: string, lang?: string): CompiledEntity[] {
    const text = name.trim();
    const language = lang ? (lang.toLowerCase().split('-')[0] ?? 'en') : detectLanguage(text);
    const whole = findMatches(text, tokenize(text), index, language).filter((match) => match.start === 0 && match.end === text.length);
    const owners = new Set(whole.flatMap((match) => match.candidates.map((candidate) => candidate.entity)));
    return [...owners].flatMap((owner) => entities[owner] ?? []);
  }

  return { analyze, lookup, entity: entityById, knowledge };
}
