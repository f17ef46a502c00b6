// yaml in a module of its own, built as its own entry (tsup.config.ts): the chunk that holds it is
// then postlint's (sideEffects: false), so a browser bundle of lint() and measure() leaves YAML out.
// The yaml package declares no sideEffects, so a chunk that imported it directly kept all of it.
export { parseDocument } from 'yaml';
export type { Document } from 'yaml';
