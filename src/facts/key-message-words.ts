/** "'early' + 'treated'": the words of a key message a writer can look for. */
export function quoteWords(words: readonly string[], max = 4): string {
  const shown = words.slice(0, max).map((w) => `'${w}'`);
  return shown.join(' + ') + (words.length > max ? ` (+${words.length - max} more)` : '');
}
