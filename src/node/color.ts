/**
 * Colour only on a terminal, never with NO_COLOR set to anything (https://no-color.org) or on a
 * dumb terminal; FORCE_COLOR or --color turn it on, --no-color off.
 */
export function shouldColor({ isTTY, env, flag }: { isTTY: boolean; env: Record<string, string | undefined>; flag?: boolean }): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY && env.TERM !== 'dumb';
}
