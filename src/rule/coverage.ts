/** Which stretches of a text are taken, so that a finding overlapping an earlier one is dropped in linear time. */
export class Coverage {
  #taken: Uint8Array | undefined;
  constructor(readonly length: number) {}

  /** Marks the range taken unless part of it already is; returns whether it was free. */
  claim(start: number, end: number): boolean {
    const taken = (this.#taken ??= new Uint8Array(this.length + 1));
    for (let i = start; i < end; i++) if (taken[i]) return false;
    taken.fill(1, start, end);
    return true;
  }
}
