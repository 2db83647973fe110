// Countries and territories from world-countries (ODbL), with their names in many languages
// from world-countries' translations and i18n-iso-countries (MIT).
import { createRequire } from 'node:module';
import type { AliasObject, Entity } from '../../schema.js';

export const COUNTRIES_SOURCE = 'world-countries';

interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  cca2: string;
  cca3: string;
  independent: boolean | null;
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  region: string;
  subregion: string;
  languages: Record<string, string>;
  currencies: Record<string, { name: string }>;
  translations: Record<string, { common: string; official: string }>;
  latlng: [number, number];
  area: number;
}

// English Wikipedia titles where they are not world-countries' common name.
const WIKIPEDIA_TITLES: Record<string, string> = {
  BS: 'The Bahamas', CD: 'Democratic Republic of the Congo', CG: 'Republic of the Congo', CZ: 'Czech Republic',
  FM: 'Federated States of Micronesia', GE: 'Georgia (country)', GM: 'The Gambia', GS: 'South Georgia and the South Sandwich Islands',
  IE: 'Republic of Ireland', MF: 'Collectivity of Saint Martin', PS: 'State of Palestine', TL: 'East Timor', TR: 'Turkey',
  SH: 'Saint Helena, Ascension and Tristan da Cunha',
};
// The name English-language news uses, where it differs from world-countries' common name.
const NEWS_NAMES: Record<string, string> = {
  CD: 'Democratic Republic of the Congo', TR: 'Turkey', TL: 'East Timor', PS: 'Palestine',
};
// Short forms and acronyms the news uses for some countries.
const EXTRA_ALIASES: Record<string, (string | AliasObject)[]> = {
  US: [{ text: 'US', form: 'acronym' }, { text: 'U.S.', form: 'acronym' }, { text: 'USA', form: 'acronym' }, { text: 'U.S.A.', form: 'acronym' }, 'America', 'United States of America'],
  GB: [{ text: 'UK', form: 'acronym' }, { text: 'U.K.', form: 'acronym' }, 'Britain', 'Great Britain'],
  KP: [{ text: 'DPRK', form: 'acronym' }],
  KR: [{ text: 'ROK', form: 'acronym' }],
  CN: [{ text: 'PRC', form: 'acronym' }],
  AE: [{ text: 'UAE', form: 'acronym' }, { text: 'U.A.E.', form: 'acronym' }],
  CD: [{ text: 'DRC', form: 'acronym' }, 'DR Congo', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville'],
  TR: ['Türkiye'],
  CZ: ['Czechia'],
  NL: [{ text: 'Holanda', lang: 'es' }, { text: 'Holanda', lang: 'pt' }],
};

// world-countries' translation keys (ISO 639-3) as BCP 47 tags.
const LANGUAGE_TAGS: Record<string, string> = {
  ara: 'ar', bre: 'br', ces: 'cs', cym: 'cy', deu: 'de', est: 'et', fin: 'fi', fra: 'fr', hrv: 'hr', hun: 'hu',
  ind: 'id', ita: 'it', jpn: 'ja', kor: 'ko', nld: 'nl', per: 'fa', pol: 'pl', por: 'pt', rus: 'ru', slk: 'sk',
  spa: 'es', srp: 'sr', swe: 'sv', tur: 'tr', urd: 'ur', zho: 'zh',
};
// Languages taken from i18n-iso-countries besides those: Ukrainian, Hebrew, Hindi, Greek, Vietnamese...
const ISO_COUNTRIES_LANGUAGES = ['uk', 'he', 'hi', 'el', 'vi', 'th', 'ro', 'bg', 'da', 'no', 'ms', 'sw'];

function uniqueAliases(name: string, aliases: (string | AliasObject)[]): (string | AliasObject)[] {
  const seen = new Set([name]);
  const result: (string | AliasObject)[] = [];
  for (const alias of aliases) {
    const text = typeof alias === 'string' ? alias : alias.text;
    const lang = typeof alias === 'string' ? '' : (alias.lang ?? '');
    const key = `${text}\u0000${lang}`;
    if (!text.trim() || seen.has(text) || seen.has(key)) continue;
    seen.add(key);
    if (!lang) seen.add(text);
    result.push(alias);
  }
  return result;
}

function describe(country: WorldCountry, name: string): string {
  const where = country.subregion || country.region;
  const what = country.independent ? 'Country' : 'Territory';
  const capital = country.capital[0]?.replace(/\.$/, '');
  return `${what} in ${where}${capital && capital !== name ? `; capital ${capital}` : ''}.`;
}

export function loadCountries(): Entity[] {
  const require = createRequire(import.meta.url);
  const countries: WorldCountry[] = require('world-countries');
  const isoCountries: { getName(code: string, lang: string): string | undefined; registerLocale(locale: unknown): void } =
    require('i18n-iso-countries');
  for (const lang of ISO_COUNTRIES_LANGUAGES) isoCountries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

  return countries.map((country): Entity => {
    const code = country.cca2;
    const name = NEWS_NAMES[code] ?? country.name.common;
    const translated: AliasObject[] = Object.entries(country.translations).flatMap(([key, names]) => {
      const lang = LANGUAGE_TAGS[key];
      return lang ? [{ text: names.common, lang }] : [];
    });
    const native: AliasObject[] = Object.entries(country.name.native ?? {}).flatMap(([key, names]) => {
      const lang = LANGUAGE_TAGS[key] ?? (key.length === 3 ? undefined : key);
      return lang ? [{ text: names.common, lang }] : [{ text: names.common }];
    });
    const fromIso: AliasObject[] = ISO_COUNTRIES_LANGUAGES.flatMap((lang) => {
      const text = isoCountries.getName(code, lang);
      return text ? [{ text, lang }] : [];
    });
    const spellings = country.altSpellings.filter((text) => text.length > 3 && !/^[A-Z]{2,3}$/.test(text) && !text.includes(','));
    const aliases = uniqueAliases(name, [
      country.name.common,
      country.name.official,
      ...spellings,
      ...(EXTRA_ALIASES[code] ?? []),
      ...native,
      ...translated,
      ...fromIso,
    ]);
    const currencies = Object.values(country.currencies).map((currency) => currency.name);
    const facts: Record<string, string> = {};
    if (country.capital.length > 0) facts.Capital = country.capital.join(', ');
    facts.Region = country.subregion || country.region;
    if (Object.keys(country.languages).length > 0) facts.Languages = Object.values(country.languages).slice(0, 4).join(', ');
    if (currencies.length > 0) facts.Currency = currencies.join(', ');
    if (country.area > 0) facts.Area = `${new Intl.NumberFormat('en-US').format(country.area)} km²`;
    if (country.unMember) facts['UN member'] = 'yes';
    return {
      id: `country:${code.toLowerCase()}`,
      kind: 'place',
      subkind: country.independent ? 'country' : 'territory',
      name,
      aliases,
      description: describe(country, name),
      facts,
      coords: country.latlng,
      country: code,
      wikipedia: WIKIPEDIA_TITLES[code] ?? country.name.common,
      source: COUNTRIES_SOURCE,
      prior: 1,
    };
  });
}

/** City-states: countries so small that their capital, of the same name, is the country. */
export function cityStateCodes(): Set<string> {
  const require = createRequire(import.meta.url);
  const countries: WorldCountry[] = require('world-countries');
  const CITY_STATE_MAX_AREA_KM2 = 1_000;
  return new Set(
    countries
      .filter((country) => country.area < CITY_STATE_MAX_AREA_KM2 && country.capital.includes(country.name.common))
      .map((country) => country.cca2),
  );
}
