/** The Node-only edge of postlint: config files, file discovery, the CLI runner and the Node API. */
export { runCli, USAGE, type CliIO } from './node/cli.js';
export { lintText, lintFiles, writeFixes, type NodeLintOptions, type FileReport } from './node/api.js';
export { loadConfig, ResolvedConfig, PostlintConfigFileError, SEARCH_PLACES, type LoadConfigOptions } from './node/config.js';
export { defineConfig, type PostlintConfig, type ConfigOverride } from './node/config-schema.js';
export { writeFileAtomic } from './node/write.js';
export { fixUntilStable } from './text/edits.js';
export * from './index.js';
