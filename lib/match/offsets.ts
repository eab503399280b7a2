/**
 * Mapping between offsets into `chunks.join('')` (what mentions carry) and (chunk, offset) pairs
 * (what DOM ranges need).
 */
export interface ChunkPosition {
  chunk: number;
  offset: number;
}

export class ChunkOffsets {
  /** bases[i] = global offset of chunk i; bases[n] = total length. */
  readonly bases: Int32Array;
  constructor(chunks: readonly string[]) {
    this.bases = new Int32Array(chunks.length + 1);
    for (let i = 0; i < chunks.length; i++) this.bases[i + 1] = this.bases[i]! + chunks[i]!.length;
  }
  get length(): number {
    return this.bases[this.bases.length - 1]!;
  }
  /**
   * Chunk and local offset of a global offset. `side: 'start'` (default) picks the chunk the
   * character at `offset` is in (skipping empty chunks); `side: 'end'` picks the chunk that ends at
   * `offset` when it falls on a boundary, so a mention's end stays inside its last chunk.
   */
  locate(offset: number, side: 'start' | 'end' = 'start'): ChunkPosition {
    const b = this.bases;
    const n = b.length - 1;
    if (n === 0) return { chunk: 0, offset: 0 };
    if (offset < 0 || offset > b[n]!) throw new RangeError(`offset ${offset} outside 0..${b[n]}`);
    // last chunk i with b[i] <= offset (start side) / first i with b[i+1] >= offset (end side)
    let lo = 0;
    let hi = n - 1;
    if (side === 'start') {
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (b[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid + 1]! >= offset) hi = mid;
        else lo = mid + 1;
      }
    }
    return { chunk: lo, offset: offset - b[lo]! };
  }
  toGlobal(chunk: number, offset: number): number {
    return this.bases[chunk]! + offset;
  }
}

export function locateOffset(chunks: readonly string[], offset: number, side: 'start' | 'end' = 'start'): ChunkPosition {
  return new ChunkOffsets(chunks).locate(offset, side);
}
