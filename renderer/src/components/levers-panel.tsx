import { LEVER_GROUPS, LEVERS, type LeverGroup } from '../../../engine';
import { useAppStore } from '../store';
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
  /**
   * Levers to show in full (presentation mode): the rest wait, grouped, in a closed "More levers" drawer.
   * Absent: every lever, grouped.
   */
  readonly featured?: readonly string[];
}

// The starting point describes the trust as it is; a board rarely moves it during a session, so it
// starts folded to keep the levers that matter in view.
const FOLDED_AT_START: readonly LeverGroup[] = ['starting-point'];

function GroupBadge({ group }: { group: LeverGroup }) {
  const changed = useAppStore((s) => LEVERS.filter((l) => l.group === group && s.overrides[l.id] !== undefined).length);
  return changed > 0 ? <span className="group-badge">{changed} changed</span> : null;
}

/** Render every lever the engine defines, grouped as the guide frames them; each group folds away. */
export function LeversPanel({ compact = false, featured }: LeversPanelProps) {
  if (!featured) return <LeverGroups compact={compact} />;
  const shown = LEVERS.filter((l) => featured.includes(l.id));
  return (
    <div className="levers">
      <div className="featured-levers" data-testid="featured-levers">
        {shown.map((def) => (
          <LeverControl key={def.id} def={def} compact={compact} />
        ))}
      </div>
      <details className="lever-drawer">
        <summary>More levers ({LEVERS.length - shown.length})</summary>
        <LeverGroups compact={compact} except={featured} />
      </details>
    </div>
  );
}

function LeverGroups({ compact, except = [] }: { compact: boolean; except?: readonly string[] }) {
  return (
    <div className="levers">
      {LEVER_GROUPS.map((group) => {
        const levers = LEVERS.filter((l) => l.group === group && !except.includes(l.id));
        if (levers.length === 0) return null;
        return (
          <details key={group} className="lever-group" open={!FOLDED_AT_START.includes(group)}>
            <summary>
              <h3>{GROUP_TITLES[group]}</h3>
              <GroupBadge group={group} />
            </summary>
            {levers.map((def) => (
              <LeverControl key={def.id} def={def} compact={compact} />
            ))}
          </details>
        );
      })}
    </div>
  );
}
