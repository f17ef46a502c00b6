import type { Entity } from '../core/types.js';

/** A word inside a hashtag, @-tag or link, with its offsets in the draft. */
export interface EntityWord {
  text: string;
  lower: string;
  start: number;
  end: number;
}

export interface EntityWords {
  entity: Entity;
  /** The words of the tag or link, in order: `#ZelvaxaWorks` gives Zelvaxa, Works. */
  words: EntityWord[];
}

// Runs of letters or digits; a case change from lower to upper starts a new word (camelCase tags).
const RUN = /[\p{L}\p{M}]+|\p{N}+/gu;
const CAMEL = /(?<=[\p{Ll}\p{M}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;

/**
 * Words of hashtags, @-tags and links, for rules that must see what a post says there too (the ABPI
 * Code counts hashtags, links and @-tags as part of a post). Links keep only host and path.
 */
export function entityWords(text: string, entities: readonly Entity[]): EntityWords[] {
  const result: EntityWords[] = [];
  for (const entity of entities) {
    if (entity.type === 'cashtag') continue;
    let from = entity.start + 1;
    let to = entity.end;
    if (entity.type === 'url') {
      const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(entity.text);
      from = entity.start + (scheme ? scheme[0].length : 0);
      const rest = text.slice(from, to);
      const cut = rest.search(/[?#]/);
      if (cut >= 0) to = from + cut;
    }
    const words: EntityWord[] = [];
    for (const run of text.slice(from, to).matchAll(RUN)) {
      let offset = from + run.index!;
      for (const part of run[0].split(CAMEL)) {
        if (part) words.push({ text: part, lower: part.toLowerCase(), start: offset, end: offset + part.length });
        offset += part.length;
      }
    }
    result.push({ entity, words });
  }
  return result;
}
