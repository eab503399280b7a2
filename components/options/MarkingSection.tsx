/** Which kinds of entities are marked, and how. */
import { ENTITY_KINDS, type EntityKind, type Settings } from '../../lib/settings/schema';
import { Checkbox, RadioGroup, Section, useDraft } from './controls';
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
          <ColourField key={k} kind={k} value={s.colours[k]} markStyle={s.markStyle} onChange={(c) => p.onChange({ colours: { ...s.colours, [k]: c } })} />
        ))}
      </fieldset>
    </Section>
  );
}

/** One kind's colour. The picker's live value survives re-renders until it is committed (see useDraft). */
function ColourField(p: { kind: EntityKind; value: string; markStyle: Settings['markStyle']; onChange: (colour: string) => void }) {
  const draft = useDraft(p.value);
  return (
    <div class="field colour">
      <input
        id={`colour-${p.kind}`}
        type="color"
        value={draft.value}
        onInput={(e) => draft.edit((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => {
          draft.done();
          p.onChange((e.currentTarget as HTMLInputElement).value);
        }}
      />
      <label for={`colour-${p.kind}`}>{KIND_SINGULAR[p.kind]}</label>
      <span class={`sample sample-${p.markStyle}`} style={{ '--mark': draft.value }} aria-hidden="true">
        Sample
      </span>
    </div>
  );
}
