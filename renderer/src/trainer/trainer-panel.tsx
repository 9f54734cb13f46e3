import './trainer.css';
import type { MonteCarloResult, RunResult } from '../../../engine';
import { selectRoomAnswers, useAppStore } from '../store';
import { BriefingSection } from './briefing-section';
import { ChallengePanel } from './challenge-panel';
import { LockToggles } from './lock-toggles';
import { DebriefSection } from './predictions-section';
import { RevealStepper } from './reveal-stepper';
import { RunSheetSection } from './run-sheet-section';
import { SessionTimer } from './session-timer';

/** Props of TrainerPanel. */
export interface TrainerPanelProps {
  /**
   * The current what-if's run, when the host view already has it (the Explore view does).
   * Without it the challenge panel runs the current settings itself, once a challenge is checked.
   */
  readonly run?: RunResult | null;
  /** The full Monte Carlo of the current settings once it is in: challenges are then judged on its medians. */
  readonly typical?: MonteCarloResult | null;
}

function PanelBody({ run, typical }: TrainerPanelProps) {
  const open = useAppStore((s) => s.trainer.panelOpen);
  const setOpen = useAppStore((s) => s.setTrainerPanelOpen);
  const lockedCount = useAppStore((s) => s.scenario.lockedLevers.length);
  const targetCount = useAppStore((s) => s.scenario.targets.length);
  const recorded = useAppStore((s) => Object.keys(selectRoomAnswers(s)).length);
  const presenting = useAppStore((s) => s.presentation);
  // On the projector the room sees the reveal's controls only: the briefing, challenges, lever locks and timer are
  // the trainer's own kit (and would give the answers away). The room sees its predictions against the run at a
  // step, but the answers are recorded outside presentation mode, so the projector keeps to one screen.
  if (presenting) {
    return (
      <section className="trainer-panel trainer-panel-presenting" aria-label="Reveal step by step">
        <RevealStepper typical={typical ?? null} run={run ?? null} asking={false} />
      </section>
    );
  }
  return (
    <section className={`trainer-panel${open ? '' : ' trainer-panel-closed'}`} aria-labelledby="trainer-panel-title">
      <div className="trainer-panel-head">
        <h2 id="trainer-panel-title">Trainer</h2>
        <button type="button" aria-expanded={open} aria-controls="trainer-panel-body" onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show briefing and facilitator kit'}
        </button>
      </div>
      <div id="trainer-panel-body" hidden={!open}>
        <details open>
          <summary>
            <h3>Briefing</h3>
          </summary>
          <BriefingSection />
        </details>
        <details>
          <summary>
            <h3>Run sheet (60 minutes)</h3>
          </summary>
          <RunSheetSection />
        </details>
        <details open>
          <summary>
            <h3>Reveal step by step</h3>
          </summary>
          <RevealStepper typical={typical ?? null} run={run ?? null} />
        </details>
        <details open>
          <summary>
            <h3>Challenges{targetCount > 0 ? ` (${targetCount})` : ''}</h3>
          </summary>
          <ChallengePanel {...(run === undefined ? {} : { run })} typical={typical ?? null} />
        </details>
        <details>
          <summary>
            <h3>Debrief{recorded > 0 ? ` (${recorded} ${recorded === 1 ? 'prediction' : 'predictions'})` : ''}</h3>
          </summary>
          <DebriefSection typical={typical ?? null} run={run ?? null} />
        </details>
        <details>
          <summary>
            <h3>Lock levers{lockedCount > 0 ? ` (${lockedCount} locked)` : ''}</h3>
          </summary>
          <LockToggles />
        </details>
        <details open>
          <summary>
            <h3>Session timer</h3>
          </summary>
          <SessionTimer />
        </details>
      </div>
    </section>
  );
}

/**
 * Render the trainer's side panel beside the charts: the briefing, and the facilitator kit
 * (reveal steps with the room's predictions, challenges, the debrief, lever locks, session timer). Collapsible; every control is a
 * native button, checkbox or disclosure, so it works from the keyboard.
 */
export function TrainerPanel({ run, typical }: TrainerPanelProps) {
  return <PanelBody run={run} typical={typical} />;
}
