/**
 * Thrown for bad input from outside (an unknown channel, a wrong option): the message names the
 * key and the fix. `key` is the path of the offending setting, e.g. `rules.max-length[1].limit`.
 */
export class PostlintConfigError extends Error {
  override readonly name = 'PostlintConfigError';
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`${key}: ${problem}`);
  }
}
