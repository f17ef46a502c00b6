// Types of the seeded corpus generator, for the tests that lint its drafts.
export const DATA_DIR: string;
export const VERSION: number;
export const SEED: number;
export function generateCorpus(count?: number, seed?: number): string[];
export function generateCampaign(count?: number, seed?: number): string;
export function ensureCorpus(): { corpus: string[]; corpusFile: string; campaignFile: string; campaign: string; generated: boolean };
