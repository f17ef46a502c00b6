import type { Browser } from 'playwright-core';
export declare const CHROMIUM: string;
export declare const FLAGS: string[];
export declare function hasChromium(): boolean;
export declare function launchChromium(): Promise<Browser>;
