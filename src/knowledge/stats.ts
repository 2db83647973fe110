import type { KnowledgeBundle } from './bundle.js';

export interface KnowledgeStats {
  entities: number;
  curated: number;
  by_kind: Record<string, number>;
  by_source: Record<string, number>;
  aliases: number;
  bytes: number;
  bytes_gzip: number;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([, a], [, b]) => b - a));
}

export function knowledgeStats(bundle: KnowledgeBundle, size: { raw: number; gzip: number }): KnowledgeStats {
  return {
    entities: bundle.entities.length,
    curated: bundle.entities.filter((entity) => entity.source === 'curated').length,
    by_kind: countBy(bundle.entities, (entity) => entity.kind),
    by_source: countBy(bundle.entities, (entity) => entity.source),
    aliases: bundle.entities.reduce((sum, entity) => sum + entity.aliases.length, 0),
    bytes: size.raw,
    bytes_gzip: size.gzip,
  };
}
