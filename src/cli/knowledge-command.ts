// `backstory knowledge stats|find`: what the bundled knowledge file holds.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { CompiledEntity, KnowledgeBundle } from '../knowledge/bundle.js';
import { foldName, parseKnowledge } from '../knowledge/load.js';
import { knowledgeStats } from '../knowledge/stats.js';

export const KNOWLEDGE_HELP = `Usage: backstory knowledge stats [--json]
       backstory knowledge find NAME [--json]

  stats       counts of the bundled knowledge file: entities, per kind and source, size
  find NAME   the entities NAME could mean, with their descriptions and roles
`;

const KNOWLEDGE_URL = new URL('./knowledge.json', import.meta.url);

async function loadBundle(): Promise<{ bundle: KnowledgeBundle; text: string }> {
  const text = await readFile(KNOWLEDGE_URL, 'utf8');
  return { bundle: parseKnowledge(text), text };
}

function findEntities(bundle: KnowledgeBundle, name: string): CompiledEntity[] {
  const wanted = foldName(name);
  return bundle.entities
    .filter((entity) => entity.aliases.some((alias) => foldName(alias.text) === wanted))
    .sort((a, b) => b.prior - a.prior);
}

function describeEntity(entity: CompiledEntity): string {
  const lines = [`${entity.name}  (${entity.kind}, ${entity.subkind}; ${entity.id})`, `  ${entity.description}`];
  for (const role of entity.roles ?? []) {
    const span = role.from || role.to ? `, ${role.from ?? '?'} to ${role.to ?? 'now'}` : '';
    lines.push(`  ${role.title}${role.organization ? `, ${role.organization}` : ''}${span}`);
  }
  if (entity.wikipedia) lines.push(`  Wikipedia: ${entity.wikipedia}`);
  return lines.join('\n');
}

export async function knowledgeCommand(args: string[], write: (text: string) => void): Promise<number> {
  const json = args.includes('--json');
  const [subcommand, ...rest] = args.filter((arg) => arg !== '--json');
  if (subcommand === 'stats' && rest.length === 0) {
    const { bundle, text } = await loadBundle();
    const stats = knowledgeStats(bundle, { raw: Buffer.byteLength(text), gzip: gzipSync(text).length });
    write(json ? `${JSON.stringify(stats)}\n` : `${Object.entries(stats).map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`).join('\n')}\n`);
    return 0;
  }
  if (subcommand === 'find' && rest.length > 0) {
    const { bundle } = await loadBundle();
    const found = findEntities(bundle, rest.join(' '));
    if (json) write(`${JSON.stringify(found)}\n`);
    else write(found.length > 0 ? `${found.map(describeEntity).join('\n\n')}\n` : `No entity is known as "${rest.join(' ')}".\n`);
    return 0;
  }
  process.stderr.write(KNOWLEDGE_HELP);
  return 2;
}
