import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const from = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The playground is a static page: `npm run playground:build` writes playground/dist/, which any
// static host can serve (relative asset paths, no server code). The page imports postlint by its
// package names, resolved here to the sources so it never needs a build of dist/ first.
export default defineConfig({
  root: from('.'),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^postlint\/codemirror$/, replacement: from('../src/codemirror/index.ts') },
      { find: /^postlint$/, replacement: from('../src/index.ts') },
    ],
  },
  build: {
    outDir: from('dist'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // One script on purpose: once it has loaded, the page works without a network. Its size is
    // measured by `npm run bench` (bench/playground.mjs), not by this warning.
    chunkSizeWarningLimit: 1500,
  },
});
