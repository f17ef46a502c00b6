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
  },
});
