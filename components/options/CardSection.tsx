/** When cards open and close, and what they show. */
import type { Settings } from '../../lib/settings/schema';
import { Checkbox, MsInput, Section } from './controls';

type CardSettings = Pick<Settings, 'dwellMs' | 'hideMs' | 'showLaterEvents' | 'pinByDefault'>;

export function CardSection(p: { settings: CardSettings; onChange: (patch: Partial<CardSettings>) => void }) {
  const s = p.settings;
  return (
    <Section id="cards" title="Cards">
      <MsInput
        id="dwell"
        label="Open a card after the pointer rests on a name for"
        value={s.dwellMs}
        min={0}
        max={3000}
        hint="300 ms is a good start; longer means fewer cards by accident."
        onChange={(dwellMs) => p.onChange({ dwellMs })}
      />
      <MsInput id="hide" label="Close it after the pointer leaves for" value={s.hideMs} min={0} max={3000} onChange={(hideMs) => p.onChange({ hideMs })} />
      <Checkbox
        label="Show what happened after the article"
        hint="Events later than the article's date, clearly labelled."
        checked={s.showLaterEvents}
        onChange={(showLaterEvents) => p.onChange({ showLaterEvents })}
      />
      <Checkbox label="Pin cards when they open" hint="A pinned card stays until you close it." checked={s.pinByDefault} onChange={(pinByDefault) => p.onChange({ pinByDefault })} />
    </Section>
  );
}
