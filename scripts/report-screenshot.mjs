// Writes docs/report.html's picture, docs/report.png, from the example plan: `npm run docs:screenshot`
// (after `npm run build`). The README shows it; test/html-report.test.ts checks it exists.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hasChromium, launchChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!hasChromium()) {
  console.error('report-screenshot: /usr/bin/chromium is missing (apt-get install -y chromium)');
  process.exit(1);
}
const dir = mkdtempSync(path.join(tmpdir(), 'postlint-report-'));
const report = path.join(dir, 'report.html');
try {
  execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'examples/bowel-cancer-awareness.md', '--format', 'html', '--output-file', report], { cwd: root, stdio: 'inherit' });
} catch (error) {
  // Exit 1 means the plan has errors; the report is still written.
  if (error.status !== 1) throw error;
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(report).href);
  const out = path.join(root, 'docs/report.png');
  writeFileSync(out, await page.screenshot({ fullPage: false }));
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
}
