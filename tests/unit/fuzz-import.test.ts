/**
 * Property tests for the two places where the reader's own (possibly damaged or hostile) JSON
 * enters the extension: dataset import validation (lib/dataset/validate.ts, used by the options
 * page) and stored/imported settings (lib/settings/schema.ts).
 *
 * For any input: no crash; every problem is a clear, located message; nothing valid is lost
 * (a valid entity next to junk is still imported, a valid setting next to junk is kept).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue, validateEntity, validateImport, type Issue } from '../../lib/dataset/validate';
import { DEFAULT_SETTINGS, parseChoices, parseHidden, parseSettings, parseSettingsPatch, settingsSchema, settingsShape, type SettingKey } from '../../lib/settings/schema';
import { parseBackup } from '../../lib/settings/backup';
import { world, type Raw } from '../dataset/fixtures';

/** JSON-shaped values, including the keys that trip naive object handling. */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const OTHER_KEYS = ['', ' ', 'id', 'kind', 'name', 'entities', 'blockers', 'enabled', 'kinds', 'person'];
const nastyKey = fc.constantFrom(...PROTO_KEYS, ...OTHER_KEYS);
const jsonWith = (key: fc.Arbitrary<string>) => fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 0.5, '', 'x', '2023-08-18', '#ffffff', 'person', 'country'),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(key, fc.string({ maxLength: 8 })), tie('v'), { maxKeys: 6 }),
  ),
})).v;
const json = jsonWith(nastyKey);
/**
 * Without Object.prototype's names: the settings properties below would otherwise all trip over
 * the one bug pinned by the explicit test ('… with a "__proto__" key …') and hide anything else.
 */
const jsonNoProto = jsonWith(fc.constantFrom(...OTHER_KEYS));

/** Through a real JSON round trip, as the options page would see an imported file. */
const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

function expectClearIssues(errors: readonly Issue[], file: string): void {
  for (const e of errors) {
    expect(e.file).toBe(file);
    expect(typeof e.path).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message.trim().length).toBeGreaterThan(3);
    expect(e.message).not.toMatch(/\[object Object\]|undefined is not|Cannot read prop/);
    expect(formatIssue(e)).toContain(file);
  }
}

const validEntities = (): Raw[] => world().filter((e) => validateEntity(e, 't').errors.length === 0);

describe('fuzz: dataset import validation', { timeout: 60_000 }, () => {
  it('the fixture world has valid entities to plant', () => {
    expect(validEntities().length).toBeGreaterThanOrEqual(5);
  });

  it('never throws on arbitrary JSON, and reports located, readable problems', () => {
    fc.assert(
      fc.property(json, (raw) => {
        const input = viaJson(raw);
        const r = validateImport(input, 'mine.json');
        expectClearIssues(r.errors, 'mine.json');
        expect(Array.isArray(r.entities) && Array.isArray(r.blockers)).toBe(true);
        // Nothing is silently accepted: either something was imported, or something was reported, or the input was empty.
        const list = Array.isArray(input) ? input : (input as { entities?: unknown[] } | null)?.entities;
        if (Array.isArray(list) && list.length > 0) expect(r.entities.length + r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every valid entity when junk sits next to it, and names the junk by index', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 6 }), fc.boolean(), fc.nat(), (junk, wrapped, seed) => {
        const valid = validEntities();
        const list: unknown[] = [...valid];
        const junkAt: number[] = [];
        // Interleave junk deterministically from the seed.
        junk.forEach((j, i) => {
          const at = (seed + i * 7) % (list.length + 1);
          list.splice(at, 0, viaJson(j));
        });
        list.forEach((d, i) => {
          if (!valid.includes(d as Raw)) junkAt.push(i);
        });
        const r = validateImport(wrapped ? { entities: list } : list, 'mix.json');
        const ids = r.entities.map((e) => e.id);
        for (const v of valid) expect(ids).toContain(v.id);
        expectClearIssues(r.errors, 'mix.json');
        // Every problem points into a junk item (never at one of the valid ones).
        for (const e of r.errors) {
          const m = /^(?:entities)?\[(\d+)\]/.exec(e.path);
          expect(m, `issue path "${e.path}" names its item`).not.toBeNull();
          expect(junkAt).toContain(Number(m![1]));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a valid entity with one field replaced by junk is either still valid or reported at that field', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('name', 'summary', 'aliases', 'sources', 'reviewed', 'native', 'roles', 'memberships', 'founded', 'iso2', 'bogus'), json, (pick, field, junk) => {
        const valid = validEntities();
        const e = structuredClone(valid[pick % valid.length]!);
        e[field] = viaJson(junk);
        const r = validateImport([e], 'one.json');
        expectClearIssues(r.errors, 'one.json');
        if (r.entities.length === 1) expect(r.errors).toEqual([]);
        else {
          expect(r.errors.length).toBeGreaterThan(0);
          expect(r.errors.some((x) => x.path.startsWith(`[0].${field}`) || x.path === '[0].kind' || x.path === '[0]')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('survives hostile shapes: prototype keys, huge nesting, long strings', () => {
    const deep: unknown[] = [];
    let cur = deep;
    for (let i = 0; i < 5000; i++) {
      const next: unknown[] = [];
      cur.push(next);
      cur = next;
    }
    const inputs: unknown[] = [
      JSON.parse('{"__proto__": {"polluted": true}, "entities": []}'),
      JSON.parse('[{"__proto__": {"kind": "person"}, "id": "x"}]'),
      JSON.parse('{"entities": [{"constructor": {"prototype": {"polluted": true}}}]}'),
      [deep],
      { entities: [{ id: 'x'.repeat(100_000), kind: 'person', name: 'y'.repeat(100_000) }] },
      { entities: new Array(2000).fill(null) },
      { entities: [], blockers: [1, null, {}, 'ok', 'ok'] },
    ];
    for (const input of inputs) {
      const r = validateImport(input, 'hostile.json');
      expectClearIssues(r.errors, 'hostile.json');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzz: settings parsing', { timeout: 60_000 }, () => {
  const keys = Object.keys(settingsShape) as SettingKey[];
  /** Objects that mix valid settings values, invalid ones and unknown keys. */
  const validValue: Record<SettingKey, fc.Arbitrary<unknown>> = {
    enabled: fc.boolean(),
    disabledSites: fc.array(fc.constantFrom('example.com', 'news.example.org', 'a-b.co.uk:8080'), { maxLength: 3 }),
    addedSites: fc.array(fc.constantFrom('example.com', 'localhost', 'x.y'), { maxLength: 3 }),
    kinds: fc.record({ person: fc.boolean(), country: fc.boolean(), organization: fc.boolean(), place: fc.boolean(), treaty: fc.boolean(), summit: fc.boolean() }),
    markStyle: fc.constantFrom('underline', 'background', 'none'),
    markMode: fc.constantFrom('first', 'all'),
    colours: fc.record({ person: fc.constant('#123456'), country: fc.constant('#abcdef'), organization: fc.constant('#ABCDEF'), place: fc.constant('#000000'), treaty: fc.constant('#ffffff'), summit: fc.constant('#0f0f0f') }),
    dwellMs: fc.integer({ min: 0, max: 3000 }),
    hideMs: fc.integer({ min: 0, max: 3000 }),
    showLaterEvents: fc.boolean(),
    pinByDefault: fc.boolean(),
    theme: fc.constantFrom('system', 'light', 'dark'),
    badge: fc.boolean(),
  };
  const mixed = fc
    .array(fc.tuple(fc.constantFrom(...keys), fc.boolean(), jsonNoProto), { maxLength: 14 })
    .chain((entries) =>
      fc.tuple(...entries.map(([k, good, junk]) => (good ? validValue[k].map((v) => [k, v] as const) : fc.constant([k, junk] as const)))),
    )
    .map((pairs) => Object.fromEntries(pairs))
    .chain((o) => fc.dictionary(fc.constantFrom(...OTHER_KEYS), jsonNoProto, { maxKeys: 3 }).map((extra) => viaJson({ ...extra, ...o })));

  /** `kinds`/`colours` given as an object whose present entries are all valid (only some kinds missing). */
  const partialPerKind = (k: SettingKey, v: unknown): boolean =>
    (k === 'kinds' || k === 'colours') &&
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.entries(v).every(([kind, x]) => Object.hasOwn(DEFAULT_SETTINGS.kinds, kind) && (settingsShape[k].shape as Record<string, { safeParse(x: unknown): { success: boolean } }>)[kind]!.safeParse(x).success);

  it('never throws; always yields complete, schema-valid settings', () => {
    fc.assert(
      fc.property(fc.oneof(jsonNoProto, mixed), (raw) => {
        const input = viaJson(raw);
        const { settings, reset } = parseSettings(input);
        expect(settingsSchema.safeParse(settings).success).toBe(true);
        for (const r of reset) expect(typeof r === 'string' && r.length > 0).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every valid field exactly, and reports every field it reset', () => {
    fc.assert(
      fc.property(mixed, (raw) => {
        const input = raw as Record<string, unknown>;
        const { settings, reset } = parseSettings(input);
        for (const k of keys) {
          if (!(k in input)) {
            expect(settings[k]).toEqual(DEFAULT_SETTINGS[k]);
            continue;
          }
          const v = input[k];
          const ok = settingsShape[k].safeParse(v);
          if (ok.success) expect(settings[k]).toEqual(ok.data);
          else if (partialPerKind(k, v)) {
            // A per-kind object with some kinds missing: the present kinds are kept, the missing ones are defaults.
            for (const [kind, x] of Object.entries(v as object)) expect((settings[k] as Record<string, unknown>)[kind]).toEqual(x);
          } else expect(reset.some((r) => r === k || r.startsWith(`${k}.`) || r.startsWith(`${k} `))).toBe(true);
        }
        for (const k of Object.keys(input)) if (!Object.hasOwn(settingsShape, k)) expect(reset.some((r) => r.startsWith(k))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('an import patch holds only valid fields, and every other field is a located problem', () => {
    fc.assert(
      fc.property(fc.oneof(jsonNoProto, mixed), (raw) => {
        const input = viaJson(raw);
        const { patch, problems } = parseSettingsPatch(input);
        expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...patch }).success).toBe(true);
        for (const p of problems) {
          expect(p.path.startsWith('settings')).toBe(true);
          expect(p.message.length).toBeGreaterThan(3);
        }
        if (input && typeof input === 'object' && !Array.isArray(input)) {
          for (const [k, v] of Object.entries(input)) {
            if (!Object.hasOwn(settingsShape, k)) continue;
            const ok = settingsShape[k as SettingKey].safeParse(v);
            if (ok.success) expect((patch as Record<string, unknown>)[k]).toEqual(ok.data);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  // Keys inherited from Object.prototype ("constructor", "toString", "__proto__") once crashed the
  // backup import (`key in settingsShape`); the parser now checks own keys only.
  it('an imported settings object with a "__proto__" / "constructor" / "toString" key is reported, not a crash', () => {
    for (const key of PROTO_KEYS) check(key);
  });
  const check = (key: string) => {
    const raw = JSON.parse(`{"${key}": 1, "dwellMs": 500}`);
    const r = parseSettingsPatch(raw);
    expect(r.patch).toEqual({ dwellMs: 500 });
    expect(r.problems.map((p) => p.path)).toEqual([`settings.${key}`]);
    const b = parseBackup(JSON.stringify({ format: 'backstory-backup', version: 1, settings: raw }));
    expect(b.settings).toEqual({ dwellMs: 500 });
    // parseSettings (stored settings) reports it as unknown too.
    expect(parseSettings(raw).reset.some((x) => x.startsWith(key))).toBe(true);
  };

  it('a backup file of any text never throws, and keeps its valid settings', () => {
    fc.assert(
      fc.property(fc.oneof(jsonNoProto, mixed), fc.oneof(jsonNoProto, fc.constant(undefined)), fc.boolean(), (settings, other, asText) => {
        const file = { format: 'backstory-backup', version: 1, settings: viaJson(settings), hidden: viaJson(other ?? []) };
        const text = asText ? JSON.stringify(file) : JSON.stringify(viaJson(other));
        const b = parseBackup(text);
        for (const p of b.problems) expect(typeof p.path === 'string' && typeof p.message === 'string' && p.message.length > 3).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const t of ['', '{', 'null', '[]', '"x"', '{"format":1}', '\u0000', '{"settings":'.repeat(1000)]) expect(() => parseBackup(t)).not.toThrow();
  });

  it('hidden entities and remembered choices keep their valid entries and count the rest', () => {
    fc.assert(
      fc.property(json, fc.array(fc.constantFrom('joe-biden', 'japan', 'gsomia'), { maxLength: 4 }), (junk, good) => {
        const arr = viaJson([...good, junk]) as unknown[];
        const h = parseHidden(arr);
        for (const g of good) expect(h.ids).toContain(g);
        expect(h.ids.length + h.dropped).toBeGreaterThanOrEqual(new Set(good).size);
        const c = parseChoices(viaJson({ 'example.com': Object.fromEntries(good.map((g) => [`${g} text`, g])), junk }));
        for (const g of good) expect(c.choices['example.com']?.[`${g} text`]).toBe(g);
        parseHidden(viaJson(junk));
        parseChoices(viaJson(junk));
      }),
      { numRuns: 1000 },
    );
  });
});
