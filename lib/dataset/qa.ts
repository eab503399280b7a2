/**
 * Cross-entity quality checks on schema-valid entities. Pure; returns every problem found.
 * Date checks are partial-date aware and only report what is certainly wrong ("2022" may be
 * before or after "2022-05-20"); the summit-role check accepts a role that possibly covers the date.
 */
import { claimsAlias, collisionKey, entityPatterns, normaliseAlias, patternsCollide, type EntityPattern } from './aliases';
import type { Entity, Kind, Person, Treaty } from './schema';
import { certainlyBefore, certainlyOverlap, coverage, formatRange, sortEvents, type Interval } from './time';
import type { Issue } from './validate';

export interface QaOptions {
  /** Source file of each entity, parallel to `entities`; issues name the id otherwise. */
  files?: readonly string[];
  /** Blocker phrases; one equal to an entity's alias is reported. */
  blockers?: readonly string[];
  /** The dataset's as-of date: no fact may be dated after it. */
  asOf?: string;
  /** Ids defined elsewhere (the bundled dataset, for a user import), with their kinds. */
  external?: ReadonlyMap<string, Kind>;
}

const ACTOR: readonly Kind[] = ['country', 'organization'];

/** "a person", "an organization". */
const a = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** Runs all cross-checks. */
export function runQa(entities: readonly Entity[], opts: QaOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const fileOf = new Map<Entity, string>();
  entities.forEach((e, i) => fileOf.set(e, opts.files?.[i] ?? e.id));
  const report = (e: Entity, path: string, message: string) => issues.push({ file: fileOf.get(e)!, path, message });

  // --- ids and display names are unique -------------------------------------------------------
  const byId = new Map<string, Entity>();
  const byName = new Map<string, Entity>();
  for (const e of entities) {
    const prev = byId.get(e.id);
    if (prev) report(e, 'id', `duplicate id "${e.id}" (also in ${fileOf.get(prev)})`);
    else byId.set(e.id, e);
    const nk = collisionKey(e.name);
    const prevName = byName.get(nk);
    if (prevName && prevName !== e) report(e, 'name', `duplicate display name "${e.name}" (also ${prevName.id}); add a qualifier, e.g. "Georgia (country)"`);
    else byName.set(nk, e);
  }
  const kindOf = (id: string): Kind | undefined => byId.get(id)?.kind ?? opts.external?.get(id);

  // --- provenance -------------------------------------------------------------------------------
  for (const e of entities) {
    if (!e.sources?.length) report(e, 'sources', 'at least one source is required');
    if (!e.summary || e.summary.trim().length < 20) report(e, 'summary', 'a summary of at least one real sentence is required');
  }

  // --- references resolve to the right kind -----------------------------------------------------
  const ref = (e: Entity, path: string, id: string | undefined, kinds: readonly Kind[]) => {
    if (id === undefined) return;
    if (id === e.id) return report(e, path, `"${id}" refers to the entry itself`);
    const k = kindOf(id);
    if (!k) report(e, path, `unknown id "${id}" (no ${kinds.join(' or ')} with this id)`);
    else if (!kinds.includes(k)) report(e, path, `"${id}" is ${a(k)}; expected ${a(kinds.join(' or '))}`);
  };
  const refs = (e: Entity, path: string, ids: readonly string[] | undefined, kinds: readonly Kind[]) => {
    const seen = new Set<string>();
    ids?.forEach((id, i) => {
      if (seen.has(id)) report(e, `${path}[${i}]`, `"${id}" is listed twice`);
      seen.add(id);
      ref(e, `${path}[${i}]`, id, kinds);
    });
  };
  for (const e of entities) {
    switch (e.kind) {
      case 'person':
        e.roles.forEach((r, i) => ref(e, `roles[${i}].of`, r.of, ACTOR));
        refs(e, 'nationality', e.nationality, ['country']);
        break;
      case 'country':
        e.memberships.forEach((m, i) => ref(e, `memberships[${i}].of`, m.of, ['organization']));
        break;
      case 'organization':
        e.memberships.forEach((m, i) => ref(e, `memberships[${i}].of`, m.of, ['organization']));
        ref(e, 'parent', e.parent, ['organization']);
        ref(e, 'country', e.country, ['country']);
        ref(e, 'predecessor', e.predecessor, ['organization']);
        ref(e, 'successor', e.successor, ['organization']);
        break;
      case 'place':
        refs(e, 'country', e.country, ['country']);
        refs(e, 'claimedBy', e.claimedBy, ['country']);
        break;
      case 'treaty':
        refs(e, 'parties', e.parties, ACTOR);
        e.events.forEach((ev, i) => {
          if (!ev.party) return;
          // May name a former party not listed in `parties` (a state that withdrew).
          ref(e, `events[${i}].party`, ev.party, ACTOR);
        });
        ref(e, 'summit', e.summit, ['summit']);
        ref(e, 'predecessor', e.predecessor, ['treaty']);
        ref(e, 'successor', e.successor, ['treaty']);
        break;
      case 'summit':
        ref(e, 'venue', e.venue, ['place']);
        ref(e, 'host', e.host, ACTOR);
        refs(e, 'countries', e.countries, ['country']);
        refs(e, 'organizations', e.organizations, ['organization']);
        {
          const seen = new Set<string>();
          e.participants.forEach((p, i) => {
            if (seen.has(p.person)) report(e, `participants[${i}].person`, `"${p.person}" is listed twice`);
            seen.add(p.person);
            ref(e, `participants[${i}].person`, p.person, ['person']);
          });
        }
        ref(e, 'previous', e.previous, ['summit']);
        ref(e, 'next', e.next, ['summit']);
        refs(e, 'documents', e.documents, ['treaty']);
        break;
    }
  }

  // --- dates -----------------------------------------------------------------------------------
  const order = (e: Entity, path: string, a: string | undefined, b: string | undefined, what: string) => {
    if (a && b && certainlyBefore(b, a)) report(e, path, `${what}: ${a} is after ${b}`);
  };
  for (const e of entities) {
    if (opts.asOf) checkAsOf(e, opts.asOf, report);
    switch (e.kind) {
      case 'person':
        checkPersonDates(e, order, report);
        break;
      case 'country':
      case 'organization':
        e.memberships.forEach((m, i) => order(e, `memberships[${i}].to`, m.from, m.to, 'membership ends before it starts'));
        if (e.kind === 'organization') order(e, 'dissolved', e.founded, e.dissolved, 'dissolved before founded');
        break;
      case 'summit':
        order(e, 'end', e.start, e.end, 'summit ends before it starts');
        break;
      case 'treaty':
        checkTreatyEvents(e, report);
        break;
      default:
        break;
    }
  }

  // --- summit participants held the stated role on the summit's date ----------------------------
  for (const e of entities) {
    if (e.kind !== 'summit') continue;
    e.participants.forEach((p, i) => {
      const person = byId.get(p.person);
      if (!person || person.kind !== 'person') return; // reported as a reference problem
      const titled = person.roles.filter((r) => r.title === p.role);
      if (!titled.length) {
        const titles = [...new Set(person.roles.map((r) => r.title))];
        report(e, `participants[${i}].role`, `${p.person} has no role titled "${p.role}"${titles.length ? ` (roles: ${titles.map((t) => `"${t}"`).join(', ')})` : ' (no roles recorded)'}`);
        return;
      }
      if (!titled.some((r) => coverage(r, e.start) !== 'no'))
        report(
          e,
          `participants[${i}].role`,
          `${p.person} did not hold "${p.role}" on ${e.start} (held ${titled.map((r) => formatRange(r.from, r.to)).join('; ')})`,
        );
    });
  }

  // --- series links are symmetric ----------------------------------------------------------------
  for (const e of entities) {
    if (e.kind !== 'summit') continue;
    for (const dir of ['next', 'previous'] as const) {
      const otherId = e[dir];
      if (!otherId) continue;
      const other = byId.get(otherId);
      if (!other || other.kind !== 'summit') continue; // reported as a reference problem
      const back = dir === 'next' ? 'previous' : 'next';
      if (other[back] !== e.id)
        report(e, dir, `${dir} is "${otherId}" but ${otherId}.${back} is ${other[back] ? `"${other[back]}"` : 'not set'} (links must be symmetric)`);
      if (!e.series || e.series !== other.series)
        report(e, dir, `"${otherId}" is in series ${other.series ? `"${other.series}"` : '(none)'}, this summit in ${e.series ? `"${e.series}"` : '(none)'}; previous/next link summits of the same series`);
      const [first, second] = dir === 'next' ? [e, other] : [other, e];
      if (certainlyBefore(second.start, first.start)) report(e, dir, `"${second.id}" (${second.start}) is dated before "${first.id}" (${first.start})`);
    }
  }

  // --- aliases ----------------------------------------------------------------------------------
  checkAliases(entities, byId, opts.blockers ?? [], report);

  return issues;
}

type Report = (e: Entity, path: string, message: string) => void;
type Order = (e: Entity, path: string, a: string | undefined, b: string | undefined, what: string) => void;

function checkAsOf(e: Entity, asOf: string, report: Report) {
  const late = (path: string, d: string | undefined) => {
    if (d && certainlyBefore(asOf, d)) report(e, path, `${d} is after the dataset's as-of date ${asOf}`);
  };
  switch (e.kind) {
    case 'person':
      late('born', e.born);
      late('died', e.died);
      e.roles.forEach((r, i) => {
        late(`roles[${i}].from`, r.from);
        late(`roles[${i}].to`, r.to);
      });
      break;
    case 'country':
    case 'organization':
      e.memberships.forEach((m, i) => {
        late(`memberships[${i}].from`, m.from);
        late(`memberships[${i}].to`, m.to);
      });
      if (e.kind === 'organization') {
        late('founded', e.founded);
        late('dissolved', e.dissolved);
      }
      break;
    case 'treaty':
      e.events.forEach((ev, i) => late(`events[${i}].date`, ev.date));
      break;
    case 'summit':
      late('start', e.start);
      late('end', e.end);
      break;
    default:
      break;
  }
}

function checkPersonDates(e: Person, order: Order, report: Report) {
  order(e, 'died', e.born, e.died, 'died before born');
  e.roles.forEach((r, i) => {
    order(e, `roles[${i}].to`, r.from, r.to, 'role ends before it starts');
    if (e.born && certainlyBefore(r.from, e.born)) report(e, `roles[${i}].from`, `role starts (${r.from}) before the person was born (${e.born})`);
    if (e.died) {
      if (!r.to) report(e, `roles[${i}].to`, `the person died (${e.died}) but the role has no end date`);
      else if (certainlyBefore(e.died, r.to)) report(e, `roles[${i}].to`, `role ends (${r.to}) after the person died (${e.died})`);
      if (certainlyBefore(e.died, r.from)) report(e, `roles[${i}].from`, `role starts (${r.from}) after the person died (${e.died})`);
    }
  });
  // Roles with the same title must not overlap (a boundary day may be shared).
  for (let i = 0; i < e.roles.length; i++) {
    for (let j = i + 1; j < e.roles.length; j++) {
      const a = e.roles[i]!;
      const b = e.roles[j]!;
      if (a.title !== b.title) continue;
      if (certainlyOverlap(a as Interval, b as Interval))
        report(e, `roles[${j}]`, `overlaps roles[${i}] with the same title "${a.title}" (${formatRange(a.from, a.to)} and ${formatRange(b.from, b.to)})`);
    }
  }
}

const CONCLUDING = new Set(['signed', 'adopted']);
const ENDING = new Set(['terminated', 'expired', 'superseded']);

function checkTreatyEvents(e: Treaty, report: Report) {
  const indexed = e.events.map((ev, i) => ({ ev, i }));
  const sorted = sortEvents(e.events);
  const pathOf = new Map(indexed.map(({ ev, i }) => [ev, `events[${i}]`] as const));

  // Nothing (but another signature/adoption) certainly before the first treaty-wide conclusion.
  const concluded = sorted.find((ev) => CONCLUDING.has(ev.type) && !ev.party);
  if (concluded) {
    for (const ev of e.events) {
      if (CONCLUDING.has(ev.type) || ev.type === 'other') continue;
      if (certainlyBefore(ev.date, concluded.date))
        report(e, `${pathOf.get(ev)}.date`, `"${ev.type}" (${ev.date}) is before the treaty was ${concluded.type} (${concluded.date})`);
    }
  }
  // A party's ratification is not before its own signature.
  for (const ev of e.events) {
    if (ev.type !== 'ratified' || !ev.party) continue;
    const signed = e.events.find((s) => s.type === 'signed' && s.party === ev.party);
    if (signed && certainlyBefore(ev.date, signed.date))
      report(e, `${pathOf.get(ev)}.date`, `${ev.party} ratified (${ev.date}) before signing (${signed.date})`);
  }
  // Nothing certainly after the treaty-wide end except notes ("other").
  const end = sorted.find((ev) => ENDING.has(ev.type) && !ev.party);
  if (end) {
    for (const ev of e.events) {
      if (ev === end || ev.type === 'other') continue;
      if (certainlyBefore(end.date, ev.date)) report(e, `${pathOf.get(ev)}.date`, `"${ev.type}" (${ev.date}) is after the treaty ${end.type} (${end.date})`);
    }
  }
  // "resumed" follows a suspension, "notice-withdrawn" follows a notice (same party or treaty-wide).
  const follows = (type: string, needs: string, what: string) => {
    for (const ev of e.events) {
      if (ev.type !== type) continue;
      const ok = e.events.some((p) => p.type === needs && p.party === ev.party && !certainlyBefore(ev.date, p.date));
      if (!ok) report(e, `${pathOf.get(ev)}.type`, `"${type}" without an earlier "${needs}"${ev.party ? ` for ${ev.party}` : ''} (${what})`);
    }
  };
  follows('resumed', 'suspended', 'a treaty resumes after a suspension');
  follows('notice-withdrawn', 'notice', 'a notice must be given before it is withdrawn');
}

function checkAliases(entities: readonly Entity[], byId: ReadonlyMap<string, Entity>, blockers: readonly string[], report: Report) {
  interface Claim {
    e: Entity;
    p: EntityPattern;
  }
  const claims = new Map<string, Claim[]>();
  for (const e of entities) {
    if (byId.get(e.id) !== e) continue; // duplicate id, already reported
    for (const p of entityPatterns(e)) {
      if (!normaliseAlias(p.text)) {
        report(e, p.origin, `"${p.text}" is empty after normalisation (punctuation only)`);
        continue;
      }
      const k = collisionKey(p.text);
      let list = claims.get(k);
      if (!list) claims.set(k, (list = []));
      list.push({ e, p });
    }
  }
  for (const list of claims.values()) {
    const counted = list.filter((c) => claimsAlias(c.p));
    for (let i = 0; i < counted.length; i++) {
      for (let j = i + 1; j < counted.length; j++) {
        const a = counted[i]!;
        const b = counted[j]!;
        if (a.e === b.e || !patternsCollide(a.p, b.p)) continue;
        if (a.p.ambiguous && b.p.ambiguous) continue;
        const fix = 'mark it {ambiguous: true} in both entries, make it a surname with policy after-full, or drop it from one';
        if (!b.p.ambiguous) report(b.e, b.p.origin, `"${b.p.text}" is also claimed by ${a.e.id} (${a.p.origin}); ${fix}`);
        if (!a.p.ambiguous) report(a.e, a.p.origin, `"${a.p.text}" is also claimed by ${b.e.id} (${b.p.origin}); ${fix}`);
      }
    }
  }
  const seen = new Set<string>();
  for (const b of blockers) {
    const list = claims.get(collisionKey(b));
    if (!list) continue;
    for (const c of list) {
      if (!patternsCollide(c.p, { text: b, caseMode: 'exact' })) continue;
      const k = `${c.e.id}|${c.p.origin}`;
      if (seen.has(k)) continue;
      seen.add(k);
      report(c.e, c.p.origin, `"${c.p.text}" is also a blocker phrase ("${b}"), so it would never match`);
    }
  }
}
