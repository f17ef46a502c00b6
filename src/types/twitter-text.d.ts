// A typed wrapper for the parts of twitter-text 3.1.0 that postlint uses. @types/twitter-text
// describes named exports the CommonJS build does not have; the real module is one default object.
declare module 'twitter-text' {
  export interface TwitterTextRange { start: number; end: number; weight: number }
  export interface TwitterTextConfig {
    version: number;
    maxWeightedTweetLength: number;
    scale: number;
    defaultWeight: number;
    emojiParsingEnabled?: boolean;
    transformedURLLength: number;
    ranges: TwitterTextRange[];
  }
  export interface ParsedTweet {
    weightedLength: number;
    valid: boolean;
    permillage: number;
    validRangeStart: number;
    validRangeEnd: number;
    displayRangeStart: number;
    displayRangeEnd: number;
  }
  export interface UrlEntity { url: string; indices: [number, number] }
  export interface HashtagEntity { hashtag: string; indices: [number, number] }
  export interface MentionEntity { screenName: string; listSlug?: string; indices: [number, number] }
  export interface CashtagEntity { cashtag: string; indices: [number, number] }
  export type Entity = UrlEntity | HashtagEntity | MentionEntity | CashtagEntity;
  const twitter: {
    configs: { version1: TwitterTextConfig; version2: TwitterTextConfig; version3: TwitterTextConfig; defaults: TwitterTextConfig };
    parseTweet(text: string, options?: TwitterTextConfig): ParsedTweet;
    extractEntitiesWithIndices(text: string, options?: { extractUrlsWithoutProtocol?: boolean }): Entity[];
    extractUrlsWithIndices(text: string, options?: { extractUrlsWithoutProtocol?: boolean }): UrlEntity[];
    extractMentionsOrListsWithIndices(text: string): MentionEntity[];
    extractHashtagsWithIndices(text: string, options?: { checkUrlOverlap?: boolean }): HashtagEntity[];
    extractCashtagsWithIndices(text: string): CashtagEntity[];
    /** Sorts by start and removes, in place, every entity that overlaps an earlier one. */
    removeOverlappingEntities(entities: Entity[]): Entity[];
    hasInvalidCharacters(text: string): boolean;
  };
  export default twitter;
}
