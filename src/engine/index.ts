// The engine as a library: load the knowledge file, analyze text. Pure: no DOM, no extension
// API; runs in Node (dist/engine.mjs), in the background context and in tests.
export { createAnalyzer, type AnalyzeInput, type Analyzer, type EntityMention, type FoundEntity } from './analyze.js';
export { parseKnowledge } from '../knowledge/load.js';
export type { KnowledgeBundle, CompiledEntity } from '../knowledge/bundle.js';
