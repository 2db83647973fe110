// The shipped knowledge in two parts (see KNOWLEDGE_NAMES_FILE in bundle.ts): names, with the
// precomputed alias index, and cards, in the same order as the entities.
import { precomputeIndex } from '../engine/alias-index.js';
import { NAME_FIELDS, type CardFields, type CompiledEntity, type KnowledgeBundle } from './bundle.js';

export function splitKnowledge(bundle: KnowledgeBundle): { names: KnowledgeBundle; cards: CardFields[] } {
  const entities = bundle.entities.map((entity): CompiledEntity => {
    const lean: Record<string, unknown> = { description: '' };
    for (const field of NAME_FIELDS) if (entity[field] !== undefined) lean[field] = entity[field];
    if (entity.facts?.State) lean.facts = { State: entity.facts.State };
    return lean as unknown as CompiledEntity;
  });
  const cards = bundle.entities.map(({ description, facts, roles, dates, coords, wikipedia }) => ({
    description,
    ...(facts ? { facts } : {}),
    ...(roles ? { roles } : {}),
    ...(dates ? { dates } : {}),
    ...(coords ? { coords } : {}),
    ...(wikipedia ? { wikipedia } : {}),
  }));
  return { names: { ...bundle, entities, index: precomputeIndex(bundle.entities) }, cards };
}

/** An entity of the names file made whole again with its card. */
export function withCard(entity: CompiledEntity, card: CardFields | undefined): CompiledEntity {
  return card ? { ...entity, ...card } : entity;
}
