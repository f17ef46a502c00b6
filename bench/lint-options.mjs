// The options every lint() row of the bench passes: a preset, the pharma example's products and a
// campaign (a preset that needs none ignores them). Shared by run.mjs and its child processes, so
// every row lints with the same options.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const products = JSON.parse(readFileSync(join(ROOT, 'examples/pharma/products.json'), 'utf8'));
export const campaignOptions = {
  name: 'World Cancer Day 2026',
  hashtags: ['#WorldCancerDay'],
  link: 'https://example.org/worldcancerday',
  keyMessages: [
    { id: 'early-diagnosis', text: 'Early diagnosis saves lives' },
    { id: 'know-the-signs', text: 'Know the signs and symptoms' },
    { id: 'helpline', text: 'Our nurses are here to help' },
  ],
};
export const optionsFor = (preset) => ({ preset, products: Array.isArray(products) ? products : products.products, campaign: campaignOptions });
