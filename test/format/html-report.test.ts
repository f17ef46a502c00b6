import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cli, ROOT, tempDir } from '../helpers/cli.js';
import { CHROMIUM, hasChromium as chromiumInstalled, launchChromium } from '../../playground/chromium.mjs';

const hasChromium = chromiumInstalled();

const PLAN = 'examples/bowel-cancer-awareness.md';
const SCREENSHOT = path.join(ROOT, 'docs/report.png');

async function renderReport(args: string[]): Promise<string> {
  const out = path.join(tempDir(), 'report.html');
  const { code, stderr } = await cli(ROOT, [...args, '--format', 'html', '--output-file', out]);
  expect(stderr).toBe('');
  expect(code).toBeLessThan(2);
  return out;
}

describe('--format html', () => {
  it('writes one self-contained page: inline CSS, no script, nothing loaded from elsewhere', async () => {
    const html = readFileSync(await renderReport([PLAN]), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain('<html lang="en">');
  });

  it('renders a single draft and a folder too', async () => {
    const single = readFileSync(await renderReport(['examples/x-draft.txt', '--channel', 'x']), 'utf8');
    expect(single).toContain('Draft for X');
    expect(single).toMatch(/<mark class="(?:error|warning|info)" data-rule="[^"]+"/);
    const folder = readFileSync(await renderReport(['examples/pharma', '--preset', 'pharma', '--products', 'examples/pharma/products.json']), 'utf8');
    expect(folder).toContain('examples/pharma/uk-public.txt');
    expect(folder).toContain('prescription-only-public');
  });
});

describe('formatHtml (pure)', () => {
  it('escapes the draft, marks overlapping ranges piece by piece and flags a point problem', async () => {
    const { formatHtml, lint, rules } = await import('../../src/index.js');
    const text = 'Join us **today**  #worldcancerday <script>alert(1)</script>';
    const result = lint({ text, channel: 'x' });
    const html = formatHtml([{ file: 'draft.txt', source: text, posts: [{ result }] }], { rules, version: 'test' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<mark class="warning" data-rule="no-markdown" data-problems="\d+">\*\*today\*\*<\/mark>/);
    expect(html).toContain('<strong>Fix (postlint --fix applies it):</strong> <del>**today**</del> → <ins>today</ins>');
    const point = formatHtml([{ file: 'p.txt', source: 'Hi', posts: [{ result: { ...result, messages: [{ ...result.messages[0]!, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }] } }] }], { rules, version: 'test' });
    expect(point).toContain('class="ref warning point"');
  });
});

describe.skipIf(!hasChromium)('the report in headless Chromium (Debian chromium, playwright-core)', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(await renderReport([PLAN])).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the coverage matrix as a table with headers, each cell saying carried or missing', async () => {
    const header = await page.locator('table.coverage thead th').allInnerTexts();
    expect(header.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['Key message', '1 X launch day', '2 Bluesky', '3 LinkedIn employers', '4 Instagram', '5 Facebook', '6 SMS', 'Reach']);
    const row = page.locator('tr[data-key-message="early-diagnosis"]');
    expect(await row.locator('th[scope="row"]').innerText()).toBe('early-diagnosis');
    expect(await row.locator('td[data-draft="3"]').innerText()).toContain('carried');
    expect(await row.locator('td[data-draft="5"]').innerText()).toContain('missing');
    expect(await page.locator('tr[data-key-message="do-the-test"] td[data-carried="yes"]').count()).toBe(3);
  });

  it('highlights a problem in place, in the draft as it will read, with its message beside it', async () => {
    const draft = page.locator('article#f1-d2');
    expect(await draft.locator('h3').innerText()).toBe('Draft 2: Bluesky');
    const mark = draft.locator('mark[data-rule="no-markdown"]');
    expect(await mark.innerText()).toBe('*before*');
    const number = (await mark.getAttribute('data-problems'))!;
    expect(await draft.locator(`#f1-d2-p${number}`).innerText()).toContain('Bluesky does not show italics');
    expect(await draft.locator('.length').innerText()).toMatch(/^\d+\/300 graphemes, \d+\/3000 bytes for Bluesky: fits, \d+ left/);
  });

  it('has real headings and loads with no console error', async () => {
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h2').allInnerTexts()).toEqual(['Summary', 'Bowel Cancer Awareness Month']);
    expect(problems).toEqual([]);
  });

  it('docs/report.png is the picture of this page (npm run docs rewrites it)', async () => {
    if (process.env.POSTLINT_WRITE_DOCS === '1') writeFileSync(SCREENSHOT, await page.screenshot());
    expect(existsSync(SCREENSHOT), 'docs/report.png is missing: run `npm run docs`').toBe(true);
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  });
});

if (!hasChromium) {
  it.skip(`headless Chromium checks skipped: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`, () => {});
}
