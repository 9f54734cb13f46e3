import { LEVER_GROUPS, LEVERS, type LeverGroup } from '../../../engine';
import { LeverControl } from './lever-control';

/** The heading of each lever group, in the guide's words. */
export const GROUP_TITLES: Readonly<Record<LeverGroup, string>> = {
  leadership: 'Leadership',
  team: 'The team',
  goal: 'Goal and mission',
  urgency: 'Urgency',
  priorities: 'Concurrent priorities',
  'starting-point': 'Starting point',
};

/** Props of LeversPanel. */
export interface LeversPanelProps {
  readonly compact?: boolean;
}

/** Render every lever the engine defines, grouped as the guide frames them. */
export function LeversPanel({ compact = false }: LeversPanelProps) {
  return (
    <div className="levers">
      {LEVER_GROUPS.map((group) => {
        const levers = LEVERS.filter((l) => l.group === group);
        if (levers.length === 0) return null;
        const headingId = `lever-group-${group}`;
        return (
          <section key={group} className="lever-group" aria-labelledby={headingId}>
            <h3 id={headingId}>{GROUP_TITLES[group]}</h3>
            {levers.map((def) => (
              <LeverControl key={def.id} def={def} compact={compact} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
