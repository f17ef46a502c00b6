import invisible from '../data/invisible-characters.json';

const NAMES: Record<string, string> = invisible.names;

/** "U+200B (zero width space)", or "U+E0041" for a character without a common name. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[hex] ?? (codePoint >= 0xe0000 && codePoint <= 0xe007f ? 'tag character' : undefined);
  return name ? `U+${hex} (${name})` : `U+${hex}`;
}

/** The distinct characters of a run, at most three, with how often a lone one repeats. */
export function describeRun(codePoints: readonly number[]): string {
  const distinct = [...new Set(codePoints)];
  if (distinct.length === 1) return describeCodePoint(distinct[0]!) + (codePoints.length > 1 ? ` ×${codePoints.length}` : '');
  const shown = distinct.slice(0, 3).map(describeCodePoint).join(', ');
  return distinct.length > 3 ? `${shown} and ${distinct.length - 3} more` : shown;
}
