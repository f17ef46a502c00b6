import { graphemeSegments } from 'unicode-segmenter/grapheme';

/**
 * Calls `visit` with the [start, end) of each grapheme cluster that holds an offset `next` gives,
 * in order: the clusters forEachCluster gives, found without segmenting the whole draft (a 5 MB
 * draft's cluster starts were a 20 MB array, built twice over, for the few dozen clusters that hold
 * a hidden character). `next(from)` is the first offset at or after `from` to look at, or the
 * text's length when there is none. Only the stretch between two cluster boundaries forEachCluster
 * also starts from (two ASCII units other than CR LF, or the text's ends) around each offset is segmented.
 */
export function forEachClusterHolding(text: string, next: (from: number) => number, visit: (start: number, end: number) => void): void {
  const length = text.length;
  // Where the last segmented stretch ended: a boundary, so no stretch needs to start before it.
  let floor = 0;
  for (let offset = next(0); offset < length; ) {
    let start = offset;
    while (start > floor && !boundaryBefore(text, start)) start--;
    let end = offset + 1;
    while (end < length && !boundaryBefore(text, end)) end++;
    for (const { segment, index } of graphemeSegments(text.slice(start, end))) {
      const clusterEnd = start + index + segment.length;
      if (offset >= clusterEnd) continue;
      visit(start + index, clusterEnd);
      offset = next(clusterEnd);
      if (offset >= end) break;
    }
    floor = end;
  }
}

function boundaryBefore(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before < 0x80 && after < 0x80 && !(before === 13 && after === 10);
}
