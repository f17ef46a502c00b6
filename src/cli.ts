#!/usr/bin/env node
import module from 'node:module';
import { enableCompileCache } from './node/compile-cache.js';

declare const __POSTLINT_VERSION__: string;

// The compile cache goes on before the rest of the CLI loads (hence the import() below): on
// Node >= 22.1 a start then reads V8's code for the chunks instead of compiling them again.
enableCompileCache(module, { version: __POSTLINT_VERSION__, env: process.env, platform: process.platform });
await import('./node/run-cli.js');
