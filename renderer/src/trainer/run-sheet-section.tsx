import { useMemo } from 'react';
import { preparedScenarios } from '../library/prepared';
import { runSheet } from '../model/run-sheet';
import { selectEndingHidden, useAppStore } from '../store';

/** Render the guide's 60-minute run sheet for the loaded scenario: each block's minutes, what happens and this scenario's material. */
export function RunSheetSection() {
  const scenario = useAppStore((s) => s.scenario);
  const endingHidden = useAppStore(selectEndingHidden);
  const rows = useMemo(() => {
    const variants = preparedScenarios().flatMap((p) => (p.ok && p.scenario.variantOf === scenario.id ? [p.scenario.title] : []));
    return runSheet(scenario, variants, endingHidden);
  }, [scenario, endingHidden]);
  return (
    <table className="run-sheet" data-testid="run-sheet">
      <caption className="sr-only">A 60-minute session with {scenario.title}</caption>
      <thead>
        <tr>
          <th scope="col">Minutes</th>
          <th scope="col">What happens</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.minutes}>
            <th scope="row">{r.minutes}</th>
            <td>
              <p>{r.what}</p>
              {r.material.length > 0 && (
                <ul>
                  {r.material.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
