/**
 * "Why it matched": one sentence from the matcher's rule for a mark. The mark's rule arrives as
 * `unknown` across the content-script boundary, so it is read defensively.
 */
import type { MatchRule } from '../match/types';

function asRule(rule: unknown): MatchRule | undefined {
  if (!rule || typeof rule !== 'object') return undefined;
  const kind = (rule as { kind?: unknown }).kind;
  return kind === 'alias' || kind === 'abbreviation' || kind === 'native' || kind === 'surname' ? (rule as MatchRule) : undefined;
}

/** `text`: the mention as written; `fullName`: the entity's display name. */
export function whyMatched(rule: unknown, text: string, fullName: string): string | undefined {
  const r = asRule(rule);
  if (!r) return undefined;
  const q = `“${text}”`;
  switch (r.kind) {
    case 'alias':
      return text === fullName ? `Matched the name ${q}.` : `Matched ${q}, a name for ${fullName}.`;
    case 'abbreviation':
      return `Matched the abbreviation ${q}.`;
    case 'native':
      return `Matched the native-script name ${q}.`;
    case 'surname': {
      const title = typeof r.title === 'string' && r.title.trim() ? r.title.trim() : undefined;
      const afterFull = typeof r.fullAt === 'number' || typeof r.fullScan === 'number' || r.policy === 'after-full';
      if (title) return `Title and surname “${title} ${text}”${afterFull ? `, after “${fullName}” earlier in the article` : ''}.`;
      if (afterFull) return `Surname ${q} after “${fullName}” earlier in the article.`;
      return `Surname ${q}, matched on its own for ${fullName}.`;
    }
  }
}
