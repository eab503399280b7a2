/** Master switch, toolbar badge and theme. */
import type { Settings } from '../../lib/settings/schema';
import { Checkbox, RadioGroup, Section } from './controls';

type GeneralSettings = Pick<Settings, 'enabled' | 'badge' | 'theme'>;

export function GeneralSection(p: { settings: GeneralSettings; onChange: (patch: Partial<GeneralSettings>) => void }) {
  const s = p.settings;
  return (
    <Section id="general" title="General">
      <Checkbox label="Mark names in articles" hint="Turn off to pause Backstory everywhere." checked={s.enabled} onChange={(enabled) => p.onChange({ enabled })} />
      <Checkbox label="Show the number of names found on the toolbar button" checked={s.badge} onChange={(badge) => p.onChange({ badge })} />
      <RadioGroup
        legend="Theme"
        name="theme"
        value={s.theme}
        options={[
          { value: 'system', label: 'Same as the system' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
        onChange={(theme) => p.onChange({ theme })}
      />
    </Section>
  );
}
