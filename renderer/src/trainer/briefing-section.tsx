import { useState } from 'react';
import { LEVERS, type LeverValues } from '../../../engine';
import { formatLeverValue } from '../model/format';
import { useAppStore } from '../store';

function describeWhatIf(levers: LeverValues): string {
  return Object.entries(levers)
    .map(([id, v]) => {
      const def = LEVERS.find((l) => l.id === id);
      return def ? `${def.label}: ${formatLeverValue(def, v)}` : `${id}: ${v}`;
    })
    .join(', ');
}

/** Render the scenario's briefing, learning objectives, discussion questions and suggested what-ifs. */
export function BriefingSection() {
  const trainer = useAppStore((s) => s.scenario.trainer);
  const locked = useAppStore((s) => s.scenario.lockedLevers);
  const setLevers = useAppStore((s) => s.setLevers);
  const [applied, setApplied] = useState<string | null>(null);
  const empty = !trainer.briefing && trainer.objectives.length === 0 && trainer.questions.length === 0 && trainer.whatIfs.length === 0;
  if (empty) return <p className="muted">This scenario has no briefing. Open a prepared scenario from the Library for workshop material.</p>;
  return (
    <div className="briefing">
      {trainer.briefing && (
        <section aria-label="Briefing">
          {trainer.briefing.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </section>
      )}
      {trainer.objectives.length > 0 && (
        <section aria-labelledby="trainer-objectives">
          <h4 id="trainer-objectives">Learning objectives</h4>
          <ul>
            {trainer.objectives.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
        </section>
      )}
      {trainer.questions.length > 0 && (
        <section aria-labelledby="trainer-questions">
          <h4 id="trainer-questions">Questions for discussion</h4>
          <ol>
            {trainer.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </section>
      )}
      {trainer.whatIfs.length > 0 && (
        <section aria-labelledby="trainer-whatifs">
          <h4 id="trainer-whatifs">Try this what-if</h4>
          <ul className="whatif-list">
            {trainer.whatIfs.map((w, i) => {
              const skipped = Object.keys(w.levers).filter((id) => locked.includes(id));
              return (
                <li key={i}>
                  <button
                    type="button"
                    onClick={() => {
                      setLevers(w.levers);
                      setApplied(
                        skipped.length > 0
                          ? `Applied "${w.label}" except the locked ${skipped.map((id) => LEVERS.find((l) => l.id === id)?.label ?? id).join(', ')}.`
                          : `Applied "${w.label}". Undo returns to the previous settings.`,
                      );
                    }}
                  >
                    {w.label}
                  </button>
                  <span className="muted whatif-levers">{describeWhatIf(w.levers)}</span>
                </li>
              );
            })}
          </ul>
          <p className="muted" role="status">
            {applied ?? ''}
          </p>
        </section>
      )}
    </div>
  );
}
