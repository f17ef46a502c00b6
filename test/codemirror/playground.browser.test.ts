import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lint, lintCampaign, measure, split } from '../../src/index.js';
import { CHROMIUM, hasChromium as chromiumInstalled, launchChromium } from '../../playground/chromium.mjs';
import { serve } from '../../playground/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasChromium = chromiumInstalled();
if (!hasChromium) console.warn(`playground browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium; .ci/run installs it)`);

// One build, one server and one browser for the whole file: the tests share them and run in order.
describe.skipIf(!hasChromium)('the playground in Chromium', () => {
  let outDir: string;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const foreignRequests: string[] = [];

  // withClock: the page's timers run on Playwright's fake clock, so a test can run them to a point.
  const open = async (fragment: string, { withClock = false } = {}) => {
    const tab = await context.newPage();
    if (withClock) await tab.clock.install();
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    tab.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
    });
    await tab.goto(server.url + fragment);
    await settled(tab);
    return tab;
  };
  // The problem list is aria-busy from a change until the lint of it has been shown.
  const settled = (tab: Page) => tab.waitForSelector('[data-testid=problems][aria-busy=false]', { state: 'attached' });
  const counter = (tab: Page) => tab.textContent('[data-testid=counter]');
  const editorText = (tab: Page) => tab.$$eval('[data-testid=editor] .cm-line', (lines) => lines.map((l) => l.textContent).join('\n'));
  const listed = (tab: Page) =>
    tab.$$eval('[data-testid=problems] > li', (items) => items.map((li) => ({ rule: (li as HTMLElement).dataset.rule, from: Number((li as HTMLElement).dataset.from), to: Number((li as HTMLElement).dataset.to), text: li.textContent })));

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'postlint-playground-'));
    const { build } = await import('vite');
    await build({ configFile: join(root, 'playground/vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
    server = await serve(outDir);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    page = await open('#channel=x&text=');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const draft = 'Nurse 👩🏽‍⚕️ here  to help: café open 9–5';

  it('types a draft key by key: the counter follows and a diagnostic has its exact UTF-16 range', async () => {
    await page.click('[data-testid=editor] .cm-content');
    await page.keyboard.type(draft);
    await settled(page);
    expect(await editorText(page)).toBe(draft);
    expect(await counter(page)).toBe(`${measure(draft, 'x').count}/280 weighted characters for X`);
    // The double space after the emoji: UTF-16 offsets, as CodeMirror counts (the emoji is 7 code units).
    const start = draft.indexOf('  ');
    expect((await listed(page)).find((p) => p.rule === 'whitespace')).toMatchObject({ from: start, to: start + 2 });
    expect(await page.$$eval('[data-testid=editor] .cm-postlint-whitespace', (marks) => marks.map((m) => m.textContent))).toEqual(['  ']);
  });

  it('applies a quick fix from the problem list and from the editor lint panel', async () => {
    await page.click('[data-testid=problems] li[data-rule=whitespace] button[data-action=fix]');
    await settled(page);
    expect(await editorText(page)).toBe(draft.replace('  ', ' '));
    // The same fix offered as a CodeMirror lint action, in the lint panel (Ctrl-Shift-m).
    await page.keyboard.press('End');
    await page.keyboard.type('  again');
    await settled(page);
    await page.keyboard.press('Control+Shift+KeyM');
    await page.click('.cm-panel-lint .cm-diagnostic:has-text("Two spaces in a row") button:has-text("Fix")');
    await settled(page);
    expect(await editorText(page)).toBe(draft.replace('  ', ' ') + ' again');
    await page.keyboard.press('Escape');
  });

  it('switches the channel at run time and the count changes', async () => {
    const text = await editorText(page);
    await page.selectOption('[data-testid=channel]', 'bluesky');
    await settled(page);
    const bluesky = measure(text, 'bluesky');
    expect(await counter(page)).toBe(`${bluesky.count}/300 graphemes for Bluesky, ${bluesky.bytes!.count}/3000 UTF-8 bytes`);
    expect(bluesky.count).not.toBe(measure(text, 'x').count);
    await page.selectOption('[data-testid=channel]', 'sms');
    await settled(page);
    expect(await counter(page)).toBe(`1/1 segments for SMS (UCS-2, ${measure(text, 'sms').sms!.characters} characters)`);
    const options = await page.$$eval('[data-testid=channel] option', (all) => all.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['x', 'x-140', 'bluesky', 'mastodon', 'threads', 'linkedin', 'instagram', 'facebook', 'sms', 'email', 'web', 'helpline']);
    await page.selectOption('[data-testid=channel]', 'x');
    await settled(page);
  });

  it('splits an over-long draft into a thread whose parts fit', async () => {
    const long = readFileSync(join(root, 'examples/x-draft.txt'), 'utf8').trim() + ' ' + 'Every screening counts, and so does every share. '.repeat(3).trim();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(long);
    await settled(page);
    expect(await counter(page)).toMatch(/^\d+\/280 weighted characters for X: \d+ over$/);
    // The characters past the limit are marked in the editor.
    expect(await page.$$eval('[data-testid=editor] .cm-postlint-overflow', (marks) => marks.map((m) => m.textContent).join(''))).toBe(long.slice(measure(long, 'x').overflowStart));
    await page.click('[data-testid=split]');
    const parts = await page.$$eval('[data-testid=thread] .part', (all) => all.map((p) => p.textContent));
    expect(parts).toEqual(split(long, 'x'));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(measure(part!, 'x').fits).toBe(true);
  });

  it('lints a campaign plan draft by draft, each for its own channel', async () => {
    const plan = readFileSync(join(root, 'examples/bowel-cancer-awareness.md'), 'utf8');
    await page.click('[data-testid=example-plan]');
    await settled(page);
    const expected = lintCampaign(plan, { channel: 'x' });
    expect(await counter(page)).toMatch(new RegExp(`^${expected.posts.length} drafts: `));
    const rules = (await listed(page)).map((p) => p.rule);
    expect(rules).toEqual([...expected.messages, ...expected.posts.flatMap((p) => p.result.messages)].map((m) => m.ruleId));
    // The cursor in the last draft (SMS): the counter shows that draft's count for its channel.
    await page.keyboard.press('Control+End');
    const last = expected.posts.at(-1)!;
    expect(last.channel).toBe('sms');
    expect(await counter(page)).toContain(`Draft ${expected.posts.length} of ${expected.posts.length}`);
    expect(await counter(page)).toContain(`${last.result.measure.count}/${last.result.measure.limit} segments for SMS`);
  });

  it('keeps the draft and the settings in a share link, and works offline once loaded', async () => {
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(SHARED);
    await page.selectOption('[data-testid=channel]', 'mastodon');
    await page.selectOption('[data-testid=preset]', 'health');
    await page.fill('[data-testid=key-messages]', 'Know the symptoms of bowel cancer\nBook your screening');
    await settled(page);
    expect((await listed(page)).map((p) => p.rule)).toContain('key-messages');
    expect(await page.textContent('[data-testid=coverage]')).toBe('Carries no key message; missing know-the-symptoms-of-bowel-cancer, book-your-screening');
    await page.click('[data-testid=share]');
    const link = await page.inputValue('[data-testid=share-link]');
    expect(link.startsWith(server.url + '#')).toBe(true);

    const shared = await open(link.slice(server.url.length));
    expect(await editorText(shared)).toBe(SHARED);
    expect(await shared.inputValue('[data-testid=channel]')).toBe('mastodon');
    expect(await shared.inputValue('[data-testid=preset]')).toBe('health');
    expect(await shared.inputValue('[data-testid=key-messages]')).toBe('Know the symptoms of bowel cancer\nBook your screening');
    expect(await listed(shared)).toEqual(await listed(page));

    await context.setOffline(true);
    await shared.click('[data-testid=editor] .cm-content');
    await shared.keyboard.press('Control+End');
    await shared.keyboard.type(' Know the symptoms of bowel cancer.');
    await settled(shared);
    expect(await counter(shared)).toBe(`${measure(SHARED + ' Know the symptoms of bowel cancer.', 'mastodon').count}/500 characters for Mastodon`);
    expect(await shared.textContent('[data-testid=coverage]')).toBe('Carries know-the-symptoms-of-bowel-cancer; missing book-your-screening');
    await context.setOffline(false);
    await shared.close();
  });

  it('with delay 0, shows the first lint and then each key’s lint in the key’s own task', async () => {
    const tab = await open('#channel=x&delay=0&text=' + encodeURIComponent('Hello  world'), { withClock: true });
    expect((await listed(tab)).map((p) => p.rule)).toEqual(lint({ text: 'Hello  world', channel: 'x' }).messages.map((m) => m.ruleId));
    await tab.click('[data-testid=editor] .cm-content');
    await tab.keyboard.press('Control+End');
    let text = 'Hello  world';
    for (const key of ' Email nurses@example.org') {
      // The key's keyup is a task after the one that inserts its character: by then the list shows that character's lint.
      await tab.evaluate(() => {
        const w = window as unknown as { __atKeyup?: string[] };
        w.__atKeyup = [];
        const list = document.querySelector('[data-testid=problems]') as HTMLElement;
        const record = () => (w.__atKeyup = [list.getAttribute('aria-busy')!, ...[...list.children].map((li) => `${(li as HTMLElement).dataset.rule}@${(li as HTMLElement).dataset.from}`)]);
        document.addEventListener('keyup', record, { once: true, capture: true });
      });
      await tab.keyboard.type(key);
      text += key;
      const expected = ['false', ...lint({ text, channel: 'x' }).messages.map((m) => `${m.ruleId}@${m.start.offset}`)];
      expect(await tab.evaluate(() => (window as unknown as { __atKeyup?: string[] }).__atKeyup)).toEqual(expected);
    }
    expect((await listed(tab)).map((p) => p.rule)).toContain('personal-data');
    // @codemirror/lint's own pass once the editor is idle (750 ms) reads the lint from the state: the marks stay.
    // The page's clock is fake: running it past 750 ms runs that pass, however loaded the machine is.
    const marks = () => tab.$$eval('[data-testid=editor] .cm-lintRange, [data-testid=editor] .cm-lintPoint', (all) => all.map((m) => m.className).sort());
    const before = await marks();
    expect(before.length).toBeGreaterThan(0);
    await tab.clock.runFor(2000);
    expect(await marks()).toEqual(before);
    await tab.close();
  });

  it('saves a screenshot for the README', async () => {
    const tab = await open('#channel=x&preset=recommended&km=Know+the+symptoms+of+bowel+cancer&text=' + encodeURIComponent(SCREENSHOT_DRAFT));
    // Past the limit: the counter turns red, the overflow is marked, max-length offers a thread.
    expect(await tab.$$eval('[data-testid=editor] .cm-postlint-overflow', (marks) => marks.length)).toBeGreaterThan(0);
    await tab.setViewportSize({ width: 1000, height: 400 });
    const file = process.env.POSTLINT_WRITE_DOCS ? join(root, 'docs/playground.png') : join(outDir, 'playground.png');
    const png = await tab.screenshot({ fullPage: true });
    writeFileSync(file, png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1000);
    await tab.close();
  });

  it('runs the composer example of examples/codemirror', async () => {
    const exampleDir = join(outDir, 'example');
    const { build } = await import('vite');
    const config = (await import('../../playground/vite.config.js')).default as { resolve: object };
    await build({ configFile: false, root: join(root, 'examples/codemirror'), base: './', resolve: config.resolve, logLevel: 'error', build: { outDir: exampleDir, emptyOutDir: true } });
    const example = await serve(exampleDir);
    try {
      const tab = await context.newPage();
      tab.on('pageerror', (e) => problems.push(`example page error: ${e.message}`));
      await tab.goto(example.url);
      await tab.click('.cm-content');
      await tab.keyboard.type('Call us on 0808 800 4040');
      expect(await tab.textContent('.cm-postlint-counter')).toBe('24/280 weighted characters for X');
      await tab.selectOption('select', 'bluesky');
      expect(await tab.textContent('.cm-postlint-counter')).toBe('24/300 graphemes for Bluesky, 24/3000 UTF-8 bytes');
      await tab.close();
    } finally {
      await example.close();
    }
  });

  it('logged no console error and sent no request beyond the page itself', () => {
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

const SHARED = 'Our charity shop in Leeds opens on Friday: come and say hello';

const SCREENSHOT_DRAFT =
  'New research from our scientists shows a simple blood test could spot bowel cancer earlier, when treatment is more likely to work.  Read how your donations made it happen and what it means for people waiting for results: https://example.org/news/blood-test?utm_source=twitter #bowelcancer #Research Screening saves lives.';
