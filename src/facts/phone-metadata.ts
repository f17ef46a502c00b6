import type { MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';

/**
 * libphonenumber-js's full metadata (the data its `libphonenumber-js/max` entry passes to every
 * call), for its core functions. The build replaces this module (tsup.config.ts,
 * phone-metadata-on-first-use) with one that holds the same data as a string and parses it on the
 * first call, so a draft without a run of 7 digits never parses its 157 KB at start-up.
 */
export function phoneMetadata(): MetadataJson {
  return metadata;
}

let countries: ReadonlySet<string> | undefined;

/**
 * The countries the metadata has (its `countries` keys, "001" included): what the core's
 * isSupportedCountry asks, answered without the metadata (the rule options' check of
 * `defaultCountry` runs on every first lint). The build writes the keys out as a list.
 */
export function phoneCountries(): ReadonlySet<string> {
  return (countries ??= new Set(Object.keys(metadata.countries)));
}
