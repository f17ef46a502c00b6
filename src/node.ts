/** The Node-only edge of postlint: the CLI runner. It imports the pure core, never the other way. */
export { runCli, USAGE, type CliIO } from './node/cli.js';
export * from './index.js';
