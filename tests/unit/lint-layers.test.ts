import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries are enforced by lint', { timeout: 60_000 }, () => {
  it('rejects lib/ importing components/ or entrypoints/', async () => {
    expect(await errorsFor('lib/x.ts', "import { Card } from '../components/Card';\nexport const c = Card;\n")).toContain('no-restricted-imports');
    expect(await errorsFor('lib/x.ts', "import x from '@/entrypoints/background';\nexport const y = x;\n")).toContain('no-restricted-imports');
  });

  it('rejects lib/ and components/ using browser APIs', async () => {
    expect(await errorsFor('lib/x.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;\n")).toContain('no-restricted-imports');
    expect(await errorsFor('components/X.tsx', 'export const b = () => browser.runtime.id;\n')).toContain('no-restricted-globals');
  });

  it('accepts lib/ importing lib/', async () => {
    expect(await errorsFor('lib/x.ts', "import { toDay } from './page/date';\nexport const d = toDay('2023-08-18');\n")).toEqual([]);
  });
});
