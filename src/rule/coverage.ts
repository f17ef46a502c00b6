/**
 * Which stretches of a text are taken, so that a finding overlapping an earlier one is dropped.
 * The taken stretches are kept as sorted, disjoint [start, end) ranges, not as a byte per unit of
 * the text: a rule claims a few ranges (its findings) of a draft that may be megabytes long, and a
 * byte array of its length was 5 MB of a 5 MB draft's peak, per rule using it.
 */
export class Coverage {
  // Starts and ends of the taken ranges, sorted; touching ranges are merged.
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  // The byte-per-unit reading, for offsets outside whole numbers in [0, length] (no rule gives one):
  // Uint8Array indexing and fill() decide those cases, as they always did.
  #taken: Uint8Array | undefined;
  constructor(readonly length: number) {}

  /** Marks the range taken unless part of it already is; returns whether it was free. */
  claim(start: number, end: number): boolean {
    if (this.#taken || !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= 0 && end <= this.length)) return this.#claimUnits(start, end);
    if (start >= end) return true;
    const starts = this.#starts;
    const ends = this.#ends;
    // The first range ending after `start`: the only one that can overlap [start, end).
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ends[middle]! > start) high = middle;
      else low = middle + 1;
    }
    if (low < starts.length && starts[low]! < end) return false;
    const joinsBefore = low > 0 && ends[low - 1] === start;
    const joinsAfter = low < starts.length && starts[low] === end;
    if (joinsBefore && joinsAfter) {
      ends[low - 1] = ends[low]!;
      starts.splice(low, 1);
      ends.splice(low, 1);
    } else if (joinsBefore) ends[low - 1] = end;
    else if (joinsAfter) starts[low] = start;
    else {
      starts.splice(low, 0, start);
      ends.splice(low, 0, end);
    }
    return true;
  }

  #claimUnits(start: number, end: number): boolean {
    if (!this.#taken) {
      this.#taken = new Uint8Array(this.length + 1);
      for (let k = 0; k < this.#starts.length; k++) this.#taken.fill(1, this.#starts[k], this.#ends[k]);
    }
    const taken = this.#taken;
    for (let i = start; i < end; i++) if (taken[i]) return false;
    taken.fill(1, start, end);
    return true;
  }
}
