import { describe, expect, it } from 'vitest';
import { encodeKinds, kindAt, kindsModule } from './kind-codes';
import { KINDS, type Kind } from './schema';

describe('kind codes', () => {
  it('round-trips every kind, in id order', () => {
    const ids = KINDS.map((k) => `x-${k}`);
    const codes = encodeKinds(ids, (id) => id.slice(2) as Kind);
    expect(codes).toHaveLength(KINDS.length);
    KINDS.forEach((k, i) => expect(kindAt(codes, i)).toBe(k));
    expect(new Set(codes).size).toBe(KINDS.length);
  });
  it('emits a module exporting the code string', () => {
    expect(kindsModule('pc')).toContain('export const ENTITY_KIND_CODES = "pc";');
  });
});
