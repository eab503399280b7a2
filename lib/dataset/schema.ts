/**
 * The dataset's authoring schema: what a file under `data/entities/<kind>/<id>.yaml` may say.
 * It is the single source of truth for the build-time compiler, the QA tests and the
 * options page's custom-dataset import (which accepts the same entries as JSON).
 */
import { z } from 'zod';

const DATE_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function isRealDay(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  if (!m[3]) return true;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]));
  return d.getUTCDate() === +m[3];
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. YAML reads a bare year as a number, so numbers are accepted. */
export const partialDate = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
  z
    .string()
    .regex(DATE_RE, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
    .refine(isRealDay, 'not a real calendar day'),
);

/** A full day, for review stamps and the dataset's "as of" date. */
export const fullDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a full date YYYY-MM-DD')
  .refine(isRealDay, 'not a real calendar day');

export const entityId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: lowercase letters, digits and single hyphens');

export const httpsUrl = z
  .string()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'sources must be absolute https:// URLs');

const phrase = z.string().trim().min(1).max(200);

export const aliasObject = z
  .object({
    text: phrase,
    /** `exact` (default) matches the alias as written; `insensitive` ignores case. */
    case: z.enum(['exact', 'insensitive']).optional(),
    /**
     * `name` (default): a full name or common name. `surname`: a family name alone; see `policy`.
     * `abbreviation`: initials such as ROK, DPRK, U.S. `native`: a native-script spelling.
     */
    type: z.enum(['name', 'surname', 'abbreviation', 'native']).optional(),
    /** For surnames: match always, only after the entity's full name earlier in the document (default), or never. */
    policy: z.enum(['always', 'after-full', 'never']).optional(),
    /** Veto the match when one of these words/phrases comes right after it ("Paris" + "Hilton"). */
    notBefore: z.array(phrase).optional(),
    /** Veto the match when one of these words/phrases comes right before it ("Michael" + "Jordan"). */
    notAfter: z.array(phrase).optional(),
    /** The alias is knowingly shared with another entity; the card lets the reader choose. */
    ambiguous: z.boolean().optional(),
  })
  .strict();

export const alias = z.union([phrase, aliasObject]);

export const nativeName = z
  .object({
    /** BCP 47 language tag: ko, ja, zh-Hans, zh-Hant, ru, ar, fr… */
    lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/, 'expected a language tag such as ko, ja, zh-Hans'),
    text: phrase,
    /** Whether the matcher looks for it in page text (default true). */
    match: z.boolean().optional(),
    /** The spelling is knowingly shared with another entity (as for aliases). */
    ambiguous: z.boolean().optional(),
  })
  .strict();

const base = {
  id: entityId,
  name: phrase,
  summary: z.string().trim().min(20, 'a summary of at least one real sentence is required').max(500),
  aliases: z.array(alias).default([]),
  native: z.array(nativeName).optional(),
  sources: z.array(httpsUrl).min(1, 'at least one https source is required'),
  reviewed: fullDate,
  /** Free-form clarifications shown nowhere; for reviewers. */
  notes: z.string().optional(),
};

export const roleCategory = z.enum([
  'head-of-state',
  'head-of-government',
  'party-leader',
  'foreign-minister',
  'defence-minister',
  'minister',
  'spokesperson',
  'secretary-general',
  'official',
  'other',
]);

export const role = z
  .object({
    /** Canonical title, e.g. "President of South Korea". Summits cite it verbatim. */
    title: phrase,
    category: roleCategory,
    /** The country or organisation the office belongs to. */
    of: entityId.optional(),
    from: partialDate,
    /** Absent while the person still holds the office. */
    to: partialDate.optional(),
    acting: z.boolean().optional(),
    /** How the tenure ended. */
    ended: z
      .enum(['term-ended', 'resigned', 'removed', 'impeached', 'died', 'lost-election', 'replaced', 'other'])
      .optional(),
    note: z.string().trim().max(300).optional(),
  })
  .strict();

export const person = z
  .object({
    ...base,
    kind: z.literal('person'),
    born: partialDate.optional(),
    died: partialDate.optional(),
    nationality: z.array(entityId).optional(),
    party: z.string().trim().optional(),
    roles: z.array(role).default([]),
  })
  .strict();

export const membership = z
  .object({
    of: entityId,
    status: z.enum(['member', 'observer', 'partner', 'suspended', 'former']).optional(),
    from: partialDate.optional(),
    to: partialDate.optional(),
  })
  .strict();

export const country = z
  .object({
    ...base,
    kind: z.literal('country'),
    officialName: phrase.optional(),
    /** ISO 3166-1 alpha-2 code where one is assigned. */
    iso2: z.string().regex(/^[A-Z]{2}$/).optional(),
    capital: phrase.optional(),
    /** Factual status line for states with contested recognition. */
    status: z.string().trim().max(300).optional(),
    memberships: z.array(membership).default([]),
  })
  .strict();

export const organization = z
  .object({
    ...base,
    kind: z.literal('organization'),
    orgType: z.enum([
      'international',
      'alliance',
      'forum',
      'government-body',
      'legislature',
      'agency',
      'court',
      'party',
      'think-tank',
      'news',
      'other',
    ]),
    founded: partialDate.optional(),
    dissolved: partialDate.optional(),
    headquarters: phrase.optional(),
    /** Parent body, e.g. the UN for the Security Council. */
    parent: entityId.optional(),
    /** The country a national body belongs to. */
    country: entityId.optional(),
    memberships: z.array(membership).default([]),
    predecessor: entityId.optional(),
    successor: entityId.optional(),
  })
  .strict();

export const place = z
  .object({
    ...base,
    kind: z.literal('place'),
    placeType: z.enum(['city', 'capital', 'region', 'island', 'sea', 'strait', 'venue', 'zone', 'other']),
    /** Countries the place lies in or is administered by. */
    country: z.array(entityId).optional(),
    /** For disputed places: who claims it. */
    claimedBy: z.array(entityId).optional(),
    status: z.string().trim().max(300).optional(),
  })
  .strict();

export const treatyEventType = z.enum([
  'signed',
  'adopted',
  'ratified',
  'in-force',
  'amended',
  'extended',
  'suspended',
  'resumed',
  'notice',
  'notice-withdrawn',
  'withdrawn',
  'terminated',
  'expired',
  'superseded',
  'other',
]);

export const treatyEvent = z
  .object({
    type: treatyEventType,
    date: partialDate,
    /** The party the event concerns (a withdrawal, a ratification), when not all of them. */
    party: entityId.optional(),
    note: z.string().trim().max(300).optional(),
  })
  .strict();

export const treaty = z
  .object({
    ...base,
    kind: z.literal('treaty'),
    treatyType: z.enum(['treaty', 'agreement', 'declaration', 'statement', 'accord', 'memorandum', 'law', 'other']),
    /** Countries or organisations bound by it, or issuing it. */
    parties: z.array(entityId).min(1),
    events: z.array(treatyEvent).min(1),
    /** The summit where it was signed or issued. */
    summit: entityId.optional(),
    predecessor: entityId.optional(),
    successor: entityId.optional(),
  })
  .strict();

export const participant = z
  .object({
    person: entityId,
    /** Must equal the `title` of a role the person held on the summit's start date. */
    role: phrase,
  })
  .strict();

export const summit = z
  .object({
    ...base,
    kind: z.literal('summit'),
    start: partialDate,
    end: partialDate.optional(),
    venue: entityId.optional(),
    /** Human-readable location, e.g. "Camp David, Maryland, United States". */
    location: phrase,
    host: entityId.optional(),
    countries: z.array(entityId).default([]),
    organizations: z.array(entityId).default([]),
    participants: z.array(participant).default([]),
    /** A series key shared by every summit of the series, e.g. "g7", "inter-korean". */
    series: entityId.optional(),
    previous: entityId.optional(),
    next: entityId.optional(),
    outcomes: z.array(z.string().trim().min(5).max(300)).default([]),
    /** Treaties, declarations and statements adopted there. */
    documents: z.array(entityId).default([]),
  })
  .strict();

export const entity = z.discriminatedUnion('kind', [person, country, organization, place, treaty, summit]);

export const KINDS = ['person', 'country', 'organization', 'place', 'treaty', 'summit'] as const;
export type Kind = (typeof KINDS)[number];

export const datasetMeta = z
  .object({
    asOf: fullDate,
    licence: z.string().min(1),
    title: z.string().min(1).optional(),
  })
  .strict();

/** A `data/blockers/*.yaml` file: phrases that contain an entity's name but are not that entity. */
export const blockerList = z.array(phrase);

export type PartialDate = string;
export type Alias = z.infer<typeof alias>;
export type AliasObject = z.infer<typeof aliasObject>;
export type Role = z.infer<typeof role>;
export type Person = z.infer<typeof person>;
export type Country = z.infer<typeof country>;
export type Organization = z.infer<typeof organization>;
export type Place = z.infer<typeof place>;
export type Treaty = z.infer<typeof treaty>;
export type TreatyEvent = z.infer<typeof treatyEvent>;
export type Summit = z.infer<typeof summit>;
export type Entity = z.infer<typeof entity>;
export type DatasetMeta = z.infer<typeof datasetMeta>;
export type NativeName = z.infer<typeof nativeName>;
export type Membership = z.infer<typeof membership>;
export type Participant = z.infer<typeof participant>;
export type RoleCategory = z.infer<typeof roleCategory>;
export type TreatyEventType = z.infer<typeof treatyEventType>;

/** The schema of each kind, for kind-specific validation with precise error paths. */
export const ENTITY_SCHEMAS = { person, country, organization, place, treaty, summit } as const;
