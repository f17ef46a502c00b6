// Debian's Chromium driven by playwright-core: the browser tests and the benchmark launch it here.
// `npx playwright install` cannot download on this project's machines; `.ci/run` installs the
// Debian package (apt-get install -y chromium) instead.
import { existsSync } from 'node:fs';

// POSTLINT_CHROMIUM names another Chromium binary (a laptop's own), or a missing one to try the skip.
export const CHROMIUM = process.env.POSTLINT_CHROMIUM || '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const hasChromium = () => existsSync(CHROMIUM);

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
