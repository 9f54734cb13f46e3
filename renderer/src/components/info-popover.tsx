import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** Props of InfoPopover. */
export interface InfoPopoverProps {
  /** What the popover explains, for the button's accessible name ("About …"). */
  readonly subject: string;
  readonly children: ReactNode;
}

/** Render an "i" button that shows an explanation next to it; Escape or a second press closes it. */
export function InfoPopover({ subject, children }: InfoPopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Opened near the bottom of a scrolling panel, the explanation is brought into view rather than left below the fold.
  useEffect(() => {
    if (open) box.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return (
    <span className="info">
      <button
        ref={button}
        type="button"
        className="icon-button info-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`About ${subject}`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        i
      </button>
      <div
        ref={box}
        id={id}
        role="region"
        aria-label={`About ${subject}`}
        className="info-box"
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        {children}
      </div>
    </span>
  );
}
