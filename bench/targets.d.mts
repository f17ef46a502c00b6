// Types of the README performance-block generator, for its test.
export function targetsBlock(results: unknown, source: string): string;
export function blockSource(readme: string): string | undefined;
export function readBlock(readme: string): string | undefined;
export function writeTargetsBlock(results: unknown, source: string, file?: string): void;
