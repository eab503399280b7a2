/** Which kinds of entities are marked, and how. */
import { ENTITY_KINDS, type EntityKind, type Settings } from '../../lib/settings/schema';
import { Checkbox, RadioGroup, Section } from './controls';
import { KIND_LABELS, KIND_SINGULAR } from './labels';

type MarkingSettings = Pick<Settings, 'kinds' | 'markStyle' | 'markMode' | 'colours'>;

export interface MarkingSectionProps {
  settings: MarkingSettings;
  onChange: (patch: Partial<MarkingSettings>) => void;
}

export function KindsSection(p: MarkingSectionProps) {
  const setKind = (k: EntityKind, on: boolean) => p.onChange({ kinds: { ...p.settings.kinds, [k]: on } });
  return (
    <Section id="kinds" title="What to mark">
      <fieldset class="checks">
        <legend>Mark these kinds of names</legend>
        {ENTITY_KINDS.map((k) => (
          <Checkbox key={k} name={`kind-${k}`} label={KIND_LABELS[k]} checked={p.settings.kinds[k]} onChange={(on) => setKind(k, on)} />
        ))}
      </fieldset>
    </Section>
  );
}

export function MarkingSection(p: MarkingSectionProps) {
  const s = p.settings;
  return (
    <Section id="marking" title="Marking style">
      <RadioGroup
        legend="Style"
        name="mark-style"
        value={s.markStyle}
        options={[
          { value: 'underline', label: 'Underline' },
          { value: 'background', label: 'Background colour' },
          { value: 'none', label: 'None', hint: 'No marks; cards open from the keyboard shortcut or the popup.' },
        ]}
        onChange={(markStyle) => p.onChange({ markStyle })}
      />
      <RadioGroup
        legend="Which mentions"
        name="mark-mode"
        value={s.markMode}
        options={[
          { value: 'first', label: 'First mention of each name' },
          { value: 'all', label: 'Every mention' },
        ]}
        onChange={(markMode) => p.onChange({ markMode })}
      />
      <fieldset class="colours">
        <legend>Colours</legend>
        {ENTITY_KINDS.map((k) => (
          <div class="field colour" key={k}>
            <input
              id={`colour-${k}`}
              type="color"
              value={s.colours[k]}
              onChange={(e) => p.onChange({ colours: { ...s.colours, [k]: (e.currentTarget as HTMLInputElement).value } })}
            />
            <label for={`colour-${k}`}>{KIND_SINGULAR[k]}</label>
            <span class={`sample sample-${s.markStyle}`} style={{ '--mark': s.colours[k] }} aria-hidden="true">
              Sample
            </span>
          </div>
        ))}
      </fieldset>
    </Section>
  );
}
