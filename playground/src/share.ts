/** What a share link keeps: the draft and the settings, all in the URL fragment, which browsers never send to a server. */
export interface PlaygroundState {
  text: string;
  channel: string;
  preset: string;
  /** Key messages, one a line. */
  keyMessages: string;
  /** The lint delay in milliseconds, when not the adapter's default. */
  delay?: number;
}

export const DEFAULTS: PlaygroundState = { text: '', channel: 'x', preset: 'recommended', keyMessages: '' };

export function writeFragment(state: PlaygroundState): string {
  const params = new URLSearchParams();
  params.set('channel', state.channel);
  params.set('preset', state.preset);
  if (state.keyMessages) params.set('km', state.keyMessages);
  if (state.delay !== undefined) params.set('delay', String(state.delay));
  params.set('text', state.text);
  return '#' + params.toString();
}

/** The state a fragment holds; what it does not say keeps its default, and undefined means no state at all. */
export function readFragment(hash: string): PlaygroundState | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return undefined;
  const params = new URLSearchParams(raw);
  if (!params.has('text') && !params.has('channel')) return undefined;
  const state: PlaygroundState = {
    text: params.get('text') ?? DEFAULTS.text,
    channel: params.get('channel') ?? DEFAULTS.channel,
    preset: params.get('preset') ?? DEFAULTS.preset,
    keyMessages: params.get('km') ?? DEFAULTS.keyMessages,
  };
  const delay = Number(params.get('delay'));
  if (params.has('delay') && Number.isFinite(delay) && delay >= 0) state.delay = delay;
  return state;
}

/** Key messages from the box, one a line, with ids made from their words. */
export function keyMessagesFrom(lines: string): { id: string; text: string }[] {
  const seen = new Set<string>();
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text, i) => {
      let id = text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || `message-${i + 1}`;
      while (seen.has(id)) id += `-${i + 1}`;
      seen.add(id);
      return { id, text };
    });
}
