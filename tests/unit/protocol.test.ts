import { describe, expect, it } from 'vitest';
import { pageMessage, splitChunks } from '../../lib/protocol';

describe('page:match wire format', () => {
  it('splits the joined text back into the chunks it came from', () => {
    const chunks = ['President ', '', 'Yoon', ' Suk Yeol met Kishida — 尹錫悅 😀', 'x'];
    expect(splitChunks(chunks.join(''), chunks.map((c) => c.length))).toEqual(chunks);
    expect(splitChunks('', [])).toEqual([]);
  });

  it('rejects lengths that do not add up to the text', () => {
    expect(splitChunks('abcdef', [2, 2])).toBeNull();
    expect(splitChunks('abc', [2, 2])).toBeNull();
  });

  it('validates the message, bounding its size', () => {
    const ok = { type: 'page:match', doc: 'abcdefgh12', text: 'Yoon met Kishida', lens: [4, 12], breaks: [1] };
    expect(pageMessage.safeParse(ok).success).toBe(true);
    expect(pageMessage.safeParse({ ...ok, lens: [-1] }).success).toBe(false);
    expect(pageMessage.safeParse({ ...ok, text: 'x'.repeat(2_000_001) }).success).toBe(false);
    expect(pageMessage.safeParse({ ...ok, doc: 'no spaces allowed' }).success).toBe(false);
  });
});
