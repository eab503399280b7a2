/**
 * The card's outer layer: the dialog element with its theme, placement class and accessibility
 * state. Stays mounted while hidden (inert and aria-hidden) so showing it again is one render.
 */
import type { ComponentChildren, Ref } from 'preact';

export interface CardShellProps {
  open: boolean;
  /** 'system' follows prefers-color-scheme. */
  theme: 'system' | 'light' | 'dark';
  /** Bottom sheet (touch on a narrow viewport) instead of a floating card. */
  sheet: boolean;
  /** The entity kind's colour (the mark's underline colour). */
  accent?: string;
  labelId: string;
  cardRef: Ref<HTMLDivElement>;
  onPointerEnter(): void;
  onPointerLeave(): void;
  onKeyDown(e: KeyboardEvent): void;
  children: ComponentChildren;
}

export function CardShell(p: CardShellProps) {
  return (
    <div class="bs-root" data-theme={p.theme}>
      <div
        ref={p.cardRef}
        class={p.sheet ? 'bs-card bs-sheet' : 'bs-card'}
        role="dialog"
        aria-modal="false"
        aria-labelledby={p.labelId}
        aria-hidden={p.open ? undefined : 'true'}
        inert={!p.open}
        hidden={!p.open}
        style={p.accent ? { '--bs-kind': p.accent } : undefined}
        onPointerEnter={p.onPointerEnter}
        onPointerLeave={p.onPointerLeave}
        onKeyDown={p.onKeyDown}
      >
        {p.children}
      </div>
    </div>
  );
}
