// The knowledge file, loaded once per background lifetime and only when first needed: the
// gzipped file the extension ships, inflated by the browser's own DecompressionStream.
import { createAnalyzer, type Analyzer } from '../engine/analyze.js';
import { KNOWLEDGE_FILE } from '../knowledge/bundle.js';
import { parseKnowledge } from '../knowledge/load.js';
import { extensionFileUrl } from '../platform/runtime.js';

const SHIPPED_FILE = `${KNOWLEDGE_FILE}.gz`;

let analyzer: Promise<Analyzer> | undefined;

async function load(): Promise<Analyzer> {
  const response = await fetch(extensionFileUrl(SHIPPED_FILE));
  if (!response.ok || !response.body) throw new Error(`the knowledge file could not be read (${response.status})`);
  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  return createAnalyzer(parseKnowledge(text));
}

/** The analyzer over the shipped knowledge; a failed load is retried on the next call. */
export function getAnalyzer(): Promise<Analyzer> {
  analyzer ??= load().catch((error: unknown) => {
    analyzer = undefined;
    throw error;
  });
  return analyzer;
}
