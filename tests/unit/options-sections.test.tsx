// @vitest-environment happy-dom
/** The presentational option sections: labelled controls, events out. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupSection } from '../../components/options/BackupSection';
import { CardSection } from '../../components/options/CardSection';
import { DatasetSection, type DatasetInfo } from '../../components/options/DatasetSection';
import { GeneralSection } from '../../components/options/GeneralSection';
import { HiddenSection } from '../../components/options/HiddenSection';
import { KindsSection, MarkingSection } from '../../components/options/MarkingSection';
import { ResetNotice } from '../../components/options/ResetNotice';
import { ShortcutSection } from '../../components/options/ShortcutSection';
import { SitesSection, type SitesSectionProps } from '../../components/options/SitesSection';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

afterEach(cleanup);

function sites(over: Partial<SitesSectionProps> = {}) {
  const props: SitesSectionProps = {
    builtin: ['apnews.com', 'bbc.com'],
    disabledSites: ['bbc.com', 'blog.example'],
    addedSites: [
      { host: 'example.org', granted: true },
      { host: 'other.net', granted: false },
    ],
    onAdd: vi.fn(),
    onRemove: vi.fn(),
    onGrant: vi.fn(),
    onSetBuiltin: vi.fn(),
    onEnable: vi.fn(),
    ...over,
  };
  render(<SitesSection {...props} />);
  return props;
}

describe('SitesSection', () => {
  it('shows built-in sites as labelled switches', () => {
    const p = sites();
    const ap = screen.getByRole('checkbox', { name: 'apnews.com' }) as HTMLInputElement;
    const bbc = screen.getByRole('checkbox', { name: 'bbc.com' }) as HTMLInputElement;
    expect(ap.checked).toBe(true);
    expect(bbc.checked).toBe(false);
    fireEvent.click(ap);
    expect(p.onSetBuiltin).toHaveBeenCalledWith('apnews.com', false);
  });

  it('lists added sites with their permission status', () => {
    const p = sites();
    expect(screen.getByText('permission granted')).toBeTruthy();
    expect(screen.getByText('permission missing')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Grant permission for other.net' }));
    expect(p.onGrant).toHaveBeenCalledWith('other.net');
    fireEvent.click(screen.getByRole('button', { name: 'Remove example.org' }));
    expect(p.onRemove).toHaveBeenCalledWith('example.org');
    expect(screen.queryByRole('button', { name: 'Grant permission for example.org' })).toBeNull();
  });

  it('adds a typed site on submit (Enter or the button)', () => {
    const p = sites();
    const input = screen.getByLabelText('Add a site');
    fireEvent.input(input, { target: { value: 'news.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(p.onAdd).toHaveBeenCalledWith('news.example');
    fireEvent.submit(input.closest('form')!);
    expect(p.onAdd).toHaveBeenCalledTimes(2);
  });

  it('shows an add error as an alert tied to the field', () => {
    sites({ addError: 'nope.invalid is not a host name.' });
    expect(screen.getByRole('alert').textContent).toBe('nope.invalid is not a host name.');
    expect(screen.getByLabelText('Add a site').getAttribute('aria-invalid')).toBe('true');
  });

  it('lists other turned-off sites with a way back', () => {
    const p = sites();
    fireEvent.click(screen.getByRole('button', { name: 'Turn blog.example back on' }));
    expect(p.onEnable).toHaveBeenCalledWith('blog.example');
    expect(screen.queryByRole('button', { name: 'Turn bbc.com back on' })).toBeNull();
  });
});

describe('KindsSection and MarkingSection', () => {
  it('turns a kind off', () => {
    const onChange = vi.fn();
    render(<KindsSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'People' }));
    expect(onChange).toHaveBeenCalledWith({ kinds: { ...DEFAULT_SETTINGS.kinds, person: false } });
  });

  it('changes style, mode and colours', () => {
    const onChange = vi.fn();
    render(<MarkingSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
    expect((screen.getByRole('radio', { name: 'Underline' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /^None/ }));
    expect(onChange).toHaveBeenLastCalledWith({ markStyle: 'none' });
    fireEvent.click(screen.getByRole('radio', { name: 'Every mention' }));
    expect(onChange).toHaveBeenLastCalledWith({ markMode: 'all' });
    const colour = screen.getByLabelText('Treaty') as HTMLInputElement;
    expect(colour.value).toBe(DEFAULT_SETTINGS.colours.treaty);
    fireEvent.change(colour, { target: { value: '#000000' } });
    expect(onChange).toHaveBeenLastCalledWith({ colours: { ...DEFAULT_SETTINGS.colours, treaty: '#000000' } });
  });
});

describe('CardSection', () => {
  it('commits delays clamped to their range and ignores non-numbers', () => {
    const onChange = vi.fn();
    render(<CardSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const dwell = screen.getByLabelText(/Open a card after/) as HTMLInputElement;
    fireEvent.change(dwell, { target: { value: '450' } });
    expect(onChange).toHaveBeenLastCalledWith({ dwellMs: 450 });
    fireEvent.change(dwell, { target: { value: '99999' } });
    expect(onChange).toHaveBeenLastCalledWith({ dwellMs: 3000 });
    onChange.mockClear();
    fireEvent.change(dwell, { target: { value: '' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('checkbox', { name: /Pin cards/ }));
    expect(onChange).toHaveBeenLastCalledWith({ pinByDefault: true });
    fireEvent.click(screen.getByRole('checkbox', { name: /after the article/ }));
    expect(onChange).toHaveBeenLastCalledWith({ showLaterEvents: false });
  });
});

describe('typed but not committed', () => {
  it('a re-render from elsewhere keeps what the reader is typing in a delay', () => {
    const onChange = vi.fn();
    const { rerender } = render(<CardSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const dwell = screen.getByLabelText(/Open a card after/) as HTMLInputElement;
    fireEvent.input(dwell, { target: { value: '65' } });
    // Something unrelated arrives (say, the hidden list) and the page renders again.
    rerender(<CardSection settings={{ ...DEFAULT_SETTINGS }} onChange={onChange} />);
    expect(dwell.value).toBe('65');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(dwell, { target: { value: '650' } });
    expect(onChange).toHaveBeenLastCalledWith({ dwellMs: 650 });
    // Once committed, the stored value is what shows again.
    rerender(<CardSection settings={{ ...DEFAULT_SETTINGS, dwellMs: 650 }} onChange={onChange} />);
    expect(dwell.value).toBe('650');
    rerender(<CardSection settings={{ ...DEFAULT_SETTINGS, dwellMs: 700 }} onChange={onChange} />);
    expect(dwell.value).toBe('700');
  });

  it('an invalid delay goes back to the stored value', () => {
    const onChange = vi.fn();
    render(<CardSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const dwell = screen.getByLabelText(/Open a card after/) as HTMLInputElement;
    fireEvent.input(dwell, { target: { value: '' } });
    fireEvent.change(dwell, { target: { value: '' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(dwell.value).toBe(String(DEFAULT_SETTINGS.dwellMs));
  });

  it('a colour being picked survives a re-render, and its sample follows it', () => {
    const onChange = vi.fn();
    const { rerender } = render(<MarkingSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const colour = screen.getByLabelText('Treaty') as HTMLInputElement;
    fireEvent.input(colour, { target: { value: '#123456' } });
    rerender(<MarkingSection settings={{ ...DEFAULT_SETTINGS }} onChange={onChange} />);
    expect(colour.value).toBe('#123456');
    const sample = colour.parentElement!.querySelector('.sample') as HTMLElement;
    expect(sample.style.getPropertyValue('--mark')).toBe('#123456');
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('GeneralSection', () => {
  it('switches theme and the master switch', () => {
    const onChange = vi.fn();
    render(<GeneralSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(onChange).toHaveBeenLastCalledWith({ theme: 'dark' });
    fireEvent.click(screen.getByRole('checkbox', { name: /Mark names in articles/ }));
    expect(onChange).toHaveBeenLastCalledWith({ enabled: false });
  });
});

describe('HiddenSection', () => {
  it('unhides, forgets, and offers undo', () => {
    const onUnhide = vi.fn();
    const onForget = vi.fn();
    const onUndo = vi.fn();
    render(
      <HiddenSection
        hidden={[{ id: 'joe-biden', name: 'Joe Biden' }]}
        choices={[{ site: 'bbc.com', text: 'Kim', id: 'kim-jong-un', name: 'Kim Jong Un' }]}
        onUnhide={onUnhide}
        onForget={onForget}
        undo={{ label: 'Joe Biden is marked again.', onUndo }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show Joe Biden again' }));
    expect(onUnhide).toHaveBeenCalledWith('joe-biden');
    fireEvent.click(screen.getByRole('button', { name: 'Forget the choice for “Kim” on bbc.com' }));
    expect(onForget).toHaveBeenCalledWith('bbc.com', 'Kim');
    expect(screen.getByRole('status').textContent).toContain('Joe Biden is marked again.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalled();
  });

  it('says when the lists are empty', () => {
    render(<HiddenSection hidden={[]} choices={[]} onUnhide={vi.fn()} onForget={vi.fn()} />);
    expect(screen.getByText(/Nothing hidden/)).toBeTruthy();
    expect(screen.getByText(/No choices remembered/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

describe('ShortcutSection', () => {
  const commands = [
    { name: 'next-mention', description: 'Open the card of the next marked name', shortcut: 'Alt+Shift+N' },
    { name: 'previous-mention', description: 'Open the card of the previous marked name', shortcut: '' },
  ];

  it('shows the bindings and how to change them in Chrome', () => {
    const open = vi.fn();
    render(<ShortcutSection commands={commands} browser="chrome" onOpenSettings={open} />);
    expect(screen.getByText('Alt+Shift+N').tagName).toBe('KBD');
    expect(screen.getByText('not set')).toBeTruthy();
    expect(screen.getByText('chrome://extensions/shortcuts')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open shortcut settings' }));
    expect(open).toHaveBeenCalled();
  });

  it('explains the Firefox way', () => {
    render(<ShortcutSection commands={commands} browser="firefox" />);
    expect(screen.getByText('about:addons')).toBeTruthy();
    expect(screen.getByText('Manage Extension Shortcuts')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open shortcut settings' })).toBeNull();
  });
});

const META: DatasetInfo = {
  asOf: '2025-11-30',
  licence: 'CC BY 4.0',
  title: 'Backstory bundled dataset',
  counts: { entities: 615, aliases: 2003, kinds: { person: 209, country: 198, organization: 58, place: 34, treaty: 26, summit: 90 } },
};

describe('DatasetSection', () => {
  it('shows the dataset facts', () => {
    render(<DatasetSection meta={META} custom={null} progress={null} outcome={null} onImport={vi.fn()} onRemove={vi.fn()} />);
    expect(screen.getByText('2025-11-30')).toBeTruthy();
    expect(screen.getByText('CC BY 4.0')).toBeTruthy();
    expect(screen.getByText(/209 people/)).toBeTruthy();
    expect(screen.getByText('No custom dataset.')).toBeTruthy();
  });

  it('hands the chosen file out', () => {
    const onImport = vi.fn();
    render(<DatasetSection meta={META} custom={null} progress={null} outcome={null} onImport={onImport} onRemove={vi.fn()} />);
    const input = screen.getByLabelText('Import a file') as HTMLInputElement;
    const file = new File(['[]'], 'mine.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(onImport).toHaveBeenCalledWith(file);
  });

  it('shows progress and disables the picker while checking', () => {
    render(<DatasetSection meta={META} custom={null} progress={{ label: 'Checking entries…', done: 500, total: 2000 }} outcome={null} onImport={vi.fn()} onRemove={vi.fn()} />);
    const bar = screen.getByLabelText('Checking entries…') as HTMLProgressElement;
    expect(bar.getAttribute('value')).toBe('500');
    expect(bar.getAttribute('max')).toBe('2000');
    expect((screen.getByLabelText('Import a file') as HTMLInputElement).disabled).toBe(true);
  });

  it('lists every problem with its path, capped for huge files', () => {
    const problems = Array.from({ length: 250 }, (_, i) => ({ path: `entities[${i}].summary`, message: 'required field is missing' }));
    render(<DatasetSection meta={META} custom={null} progress={null} outcome={{ ok: false, file: 'big.json', problems: [{ path: '', message: 'whole-file problem' }, ...problems]}} onImport={vi.fn()} onRemove={vi.fn()} />);
    expect(screen.getByText(/was not imported: 251 problems/)).toBeTruthy();
    expect(screen.getByText('entities[0].summary').tagName).toBe('CODE');
    expect(screen.getByText('whole file')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(200);
    expect(screen.getByText('…and 51 more.')).toBeTruthy();
  });

  it('shows the current custom dataset and removes it', () => {
    const onRemove = vi.fn();
    render(
      <DatasetSection meta={META} custom={{ file: 'mine.json', importedAt: '2025-06-01T00:00:00Z', entities: 3, replaces: 1 }} progress={null} outcome={{ ok: true, message: 'Imported 3 entries.' }} onImport={vi.fn()} onRemove={onRemove} />,
    );
    expect(screen.getByText(/3 entries \(1 replacing bundled ones\)/)).toBeTruthy();
    expect(screen.getByText('Imported 3 entries.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove custom dataset' }));
    expect(onRemove).toHaveBeenCalled();
    expect(screen.getByLabelText('Replace with a file')).toBeTruthy();
  });
});

describe('BackupSection', () => {
  const base = { progress: null, message: null, onExport: vi.fn(), onImport: vi.fn(), onApply: vi.fn(), onCancel: vi.fn() };

  it('exports on click', () => {
    const onExport = vi.fn();
    render(<BackupSection {...base} preview={null} onExport={onExport} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    expect(onExport).toHaveBeenCalled();
  });

  it('previews an import with the skipped parts, then applies or cancels', () => {
    const onApply = vi.fn();
    const onCancel = vi.fn();
    render(
      <BackupSection
        {...base}
        onApply={onApply}
        onCancel={onCancel}
        preview={{ file: 'b.json', changes: ['2 settings: theme, badge'], problems: [{ path: 'settings.dwellMs', message: 'too big' }] }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Import b.json?' })).toBeTruthy();
    expect(screen.getByText('settings.dwellMs')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onApply).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('cannot apply a file with nothing usable', () => {
    render(<BackupSection {...base} preview={{ file: 'b.json', changes: [], problems: [{ path: '', message: 'not valid JSON' }] }} />);
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('ResetNotice', () => {
  it('says what was reset, and nothing when nothing was', () => {
    const onDismiss = vi.fn();
    const { rerender } = render(<ResetNotice reset={['dwellMs', 'kinds.person']} onDismiss={onDismiss} />);
    expect(screen.getByRole('alert').textContent).toContain('dwellMs, kinds.person');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(onDismiss).toHaveBeenCalled();
    rerender(<ResetNotice reset={[]} onDismiss={onDismiss} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
