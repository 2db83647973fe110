// First-level subdivisions (US states, provinces, regions) from iso-3166-2 (MIT).
import { createRequire } from 'node:module';
import type { Entity } from '../../schema.js';

export const SUBDIVISIONS_SOURCE = 'iso-3166-2';

// The types that are a country's first level of government, as iso-3166-2 names them.
const FIRST_LEVEL_TYPES = new Set([
  'State', 'Province', 'Region', 'Autonomous community', 'Länder', 'Prefecture', 'Oblast', 'Governorate',
  'Republic', 'Autonomous region', 'Territory', 'Canton', 'Emirate', 'Federal district', 'Autonomous republic',
  'Country', 'Voivodship', 'Federal territory', 'Autonomous city', 'Capital territory', 'Capital district',
]);
// Countries whose subdivisions' English Wikipedia titles are their names, apart from the
// exceptions below: US states, Canadian provinces and territories, Australian states.
const TITLED_COUNTRIES = new Set(['US', 'CA', 'AU']);
const WIKIPEDIA_TITLES: Record<string, string> = {
  'US-GA': 'Georgia (U.S. state)', 'US-WA': 'Washington (state)', 'US-NY': 'New York (state)',
  'AU-VIC': 'Victoria (state)', 'AU-WA': 'Western Australia',
};
const TYPE_NAMES: Record<string, string> = { Länder: 'State', Voivodship: 'Voivodeship' };
// Argentina's provinces are "<Name> Province" on Wikipedia, with the country added where the
// name is shared with another province.
const ARGENTINE_TITLE_EXCEPTIONS: Record<string, string> = {
  'AR-B': 'Buenos Aires Province', 'AR-C': '', 'AR-X': 'Córdoba Province, Argentina', 'AR-F': 'La Rioja Province, Argentina',
  'AR-J': 'San Juan Province, Argentina', 'AR-Z': 'Santa Cruz Province, Argentina', 'AR-V': 'Tierra del Fuego Province, Argentina',
};

function argentineTitle(code: string, name: string): string | undefined {
  const exception = ARGENTINE_TITLE_EXCEPTIONS[code];
  if (exception !== undefined) return exception || undefined;
  return `${name} Province`;
}

interface IsoData {
  [country: string]: { name: string; sub: Record<string, { type: string; name: string }> };
}

export function loadSubdivisions(countryNames: Map<string, string>, territoryNames: Set<string>): Entity[] {
  const require = createRequire(import.meta.url);
  const data: IsoData = require('iso-3166-2').data;
  const entities: Entity[] = [];
  for (const [countryCode, country] of Object.entries(data)) {
    for (const [code, subdivision] of Object.entries(country.sub)) {
      if (!FIRST_LEVEL_TYPES.has(subdivision.type)) continue;
      // iso-3166-2 spells some names in an old or local romanisation with apostrophes; skip them.
      if (/['ʼǒǔ]/.test(subdivision.name)) continue;
      if (countryCode === 'US' && subdivision.type !== 'State') continue;
      // Territories listed as another country's subdivision (Bermuda, Puerto Rico) are countries' own cards.
      if (territoryNames.has(subdivision.name)) continue;
      const countryName = countryNames.get(countryCode) ?? country.name;
      const type = TYPE_NAMES[subdivision.type] ?? subdivision.type;
      const title =
        WIKIPEDIA_TITLES[code] ??
        (TITLED_COUNTRIES.has(countryCode) ? subdivision.name : countryCode === 'AR' ? argentineTitle(code, subdivision.name) : undefined);
      entities.push({
        id: `subdivision:${code.toLowerCase()}`,
        kind: 'place',
        subkind: 'region',
        name: subdivision.name,
        description: `${type} of ${countryName}.`,
        facts: { Country: countryName, 'ISO 3166-2': code },
        country: countryCode,
        ...(title ? { wikipedia: title } : {}),
        source: SUBDIVISIONS_SOURCE,
        prior: countryCode === 'US' || countryCode === 'CA' || countryCode === 'AU' ? 0.6 : 0.3,
      });
    }
  }
  return entities;
}
