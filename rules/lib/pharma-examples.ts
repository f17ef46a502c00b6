import type { Product } from '../../src/types.js';

/**
 * Fictional products for the pharma rules' docs examples (never real brands): a US biologic and a
 * UK prescription-only medicine. examples/pharma/products.json holds the same two.
 */
export const exampleProducts: Product[] = [
  {
    brand: 'Zelvaxa',
    established: 'zelvarimab',
    riskInfo: ['serious infections', 'liver injury'],
    riskUrl: 'https://example.com/zelvaxa/risk',
    prescriptionOnly: true,
    markets: ['US'],
  },
  {
    brand: 'Norquell',
    established: 'tavoprazine',
    riskInfo: ['serotonin syndrome'],
    riskUrl: 'https://example.com/norquell/safety',
    prescriptionOnly: true,
    markets: ['UK'],
  },
];

/** The sources every pharma rule cites. */
export const PHARMA_SOURCES = [
  'FDA, "Internet/Social Media Platforms with Character Space Limitations — Presenting Risk and Benefit Information for Prescription Drugs and Medical Devices", draft guidance for industry, June 2014 (a draft: not binding, and it may change)',
  'ABPI Code of Practice for the Pharmaceutical Industry, administered by the PMCPA: prescription-only medicines must not be promoted to the public; PMCPA social media guidance counts links, hashtags and @-tags as part of a post',
];
