// The kinds of thing Backstory explains. The content script paints one highlight per kind, and
// the knowledge schema types every entity with one of them.
export const ENTITY_KINDS = ['person', 'place', 'organization', 'event', 'other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
