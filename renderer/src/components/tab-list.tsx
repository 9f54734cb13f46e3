import { useRef, type KeyboardEvent } from 'react';

/** One tab of a TabList. */
export interface TabDef<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

/** Props of TabList. */
export interface TabListProps<Id extends string> {
  readonly tabs: readonly TabDef<Id>[];
  readonly selected: Id;
  readonly onSelect: (id: Id) => void;
  /** The tablist's accessible name. */
  readonly label: string;
  /** Prefix of each tab's id (`${prefix}-${tab.id}`), which its panel names in aria-labelledby. */
  readonly idPrefix: string;
  /** The id of the panel the tabs control. */
  readonly panelId: string;
  readonly className?: string;
}

/** Return the tab a key moves to from tab i of n (arrows wrap, Home and End), or -1 for any other key. */
export function tabKeyTarget(key: string, i: number, n: number): number {
  if (key === 'ArrowRight') return (i + 1) % n;
  if (key === 'ArrowLeft') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return -1;
}

/**
 * Render a row of tabs as the ARIA tabs pattern has them: one tab stop (the selected tab), arrow keys, Home and
 * End move the selection and the focus.
 */
export function TabList<Id extends string>({ tabs, selected, onSelect, label, idPrefix, panelId, className = 'chart-tabs' }: TabListProps<Id>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const to = tabKeyTarget(e.key, i, tabs.length);
    if (to < 0) return;
    e.preventDefault();
    onSelect(tabs[to]!.id);
    refs.current[to]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-${t.id}`}
          aria-selected={selected === t.id}
          aria-controls={panelId}
          tabIndex={selected === t.id ? 0 : -1}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
