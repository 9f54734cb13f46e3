import type { InitiativeOutcome, RunResult } from '../../../../engine';
import { OKABE_ITO } from '../../components/palette';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';

const WIDTH = 1000;
const LABEL_W = 230;
const ROW_H = 22;
const TOP = 28;

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Return the week a stage opens at if its gate holds only week conditions, else null (it depends on the run). */
function stageWeek(draft: TrainerScenario, stageId: string | undefined): number | null {
  if (!stageId) return 0;
  const stage = draft.stages.find((s) => s.id === stageId);
  if (!stage) return 0;
  if (stage.gate.some((g) => g.kind !== 'week')) return null;
  return Math.max(0, ...stage.gate.map((g) => num((g as { week?: unknown }).week, 0)));
}

interface Bar {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly state: 'live' | 'failed' | 'running' | 'not-started' | 'planned';
  readonly text: string;
}

function barFor(draft: TrainerScenario, index: number, outcome: InitiativeOutcome | undefined, horizon: number): Bar {
  const ini = draft.initiatives[index]!;
  const name = ini.name || ini.id;
  if (outcome) {
    if (outcome.startWeek < 0) return { name, from: horizon, to: horizon, state: 'not-started', text: `${name}: does not start within the run` };
    if (outcome.failedWeek >= 0) return { name, from: outcome.startWeek, to: outcome.failedWeek, state: 'failed', text: `${name}: starts week ${outcome.startWeek}, fails week ${outcome.failedWeek}` };
    if (outcome.goLiveWeek >= 0) return { name, from: outcome.startWeek, to: outcome.goLiveWeek, state: 'live', text: `${name}: starts week ${outcome.startWeek}, live week ${outcome.goLiveWeek}` };
    return { name, from: outcome.startWeek, to: horizon, state: 'running', text: `${name}: starts week ${outcome.startWeek}, still in progress at the end` };
  }
  const opens = stageWeek(draft, ini.stage) ?? 0;
  const from = Math.max(num(ini.earliestStartWeek, 0), opens);
  return { name, from, to: from + num(ini.effortWeeks, 0), state: 'planned', text: `${name}: planned from week ${from}, ${num(ini.effortWeeks, 0)} weeks of effort` };
}

const FILL: Readonly<Record<Bar['state'], string>> = {
  live: OKABE_ITO.blue,
  failed: OKABE_ITO.vermillion,
  running: '#9aa5b1',
  'not-started': 'transparent',
  planned: '#c9d3dd',
};

/**
 * Render the staged journey on a timeline: a row per initiative (from the simulated run when
 * the draft is valid, else its planned effort), stage openings, events and reveal moments.
 * The picture has a text twin (a list) for screen readers.
 */
export function JourneyTimeline({ draft, run }: { draft: TrainerScenario; run: RunResult | null }) {
  const horizon = Math.max(1, num(draft.horizonWeeks, 260));
  const x = (w: number) => LABEL_W + (Math.max(0, Math.min(w, horizon)) / horizon) * (WIDTH - LABEL_W - 10);
  const bars = draft.initiatives.map((ini, i) =>
    barFor(
      draft,
      i,
      run?.timeline.find((o) => o.id === ini.id),
      horizon,
    ),
  );
  const stageMarks = draft.stages.flatMap((s) => {
    const w = stageWeek(draft, s.id);
    return w === null || w === 0 ? [] : [{ w, label: `${s.name || s.id} opens` }];
  });
  const markRows = 2;
  const height = TOP + (bars.length + markRows) * ROW_H + 12;
  const years = Array.from({ length: Math.floor(horizon / 52) + 1 }, (_, y) => y);
  const eventsY = TOP + bars.length * ROW_H;
  const revealsY = eventsY + ROW_H;
  return (
    <figure className="journey-timeline">
      <figcaption>
        <strong>The journey on a timeline</strong>{' '}
        <span className="muted">
          {run
            ? 'Simulated with the scenario’s own board settings: each bar runs from an initiative’s start to its go-live (blue), its failure (red), or the end of the run if it is still in progress (grey).'
            : 'Dashed bars show planned effort from the earliest possible start; the draft has problems, so it is not simulated until they are fixed.'}{' '}
          Green dashed lines: a stage opens. Orange diamonds: events. Purple flags: reveal moments.
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Timeline of initiatives, stage openings, events and reveals; the list below says the same in words.">
        {years.map((y) => (
          <g key={y}>
            <line x1={x(y * 52)} x2={x(y * 52)} y1={TOP - 6} y2={height - 8} stroke="#d8dde3" />
            <text x={x(y * 52)} y={TOP - 12} fontSize="11" textAnchor={y * 52 >= horizon - 10 ? 'end' : 'middle'} fill="#444">
              {y === 0 ? 'start' : `year ${y}`}
            </text>
          </g>
        ))}
        {stageMarks.map((m, i) => (
          <g key={`s${i}`}>
            <line x1={x(m.w)} x2={x(m.w)} y1={TOP - 4} y2={height - 8} stroke={OKABE_ITO.bluishGreen} strokeDasharray="5 3" strokeWidth="2" />
            <text x={x(m.w) + 3} y={height - 10} fontSize="10" fill="#1d5f4b">
              {m.label}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = TOP + i * ROW_H;
          return (
            <g key={i}>
              <text x={LABEL_W - 8} y={y + 15} fontSize="12" textAnchor="end" fill="#1b1f24">
                {b.name.length > 32 ? `${b.name.slice(0, 31)}…` : b.name}
              </text>
              {b.state === 'not-started' ? (
                <text x={x(0) + 4} y={y + 15} fontSize="11" fill="#666">
                  does not start within the run
                </text>
              ) : (
                <rect
                  x={x(b.from)}
                  y={y + 4}
                  width={Math.max(3, x(b.to) - x(b.from))}
                  height={ROW_H - 8}
                  rx="3"
                  fill={FILL[b.state]}
                  stroke={b.state === 'planned' ? '#6b7785' : 'none'}
                  strokeDasharray={b.state === 'planned' ? '4 2' : undefined}
                >
                  <title>{b.text}</title>
                </rect>
              )}
              {b.state === 'failed' && (
                <text x={x(b.to) + 4} y={y + 15} fontSize="11" fill={OKABE_ITO.vermillion}>
                  ✗ failed
                </text>
              )}
            </g>
          );
        })}
        <text x={LABEL_W - 8} y={eventsY + 15} fontSize="12" textAnchor="end" fontWeight="bold" fill="#1b1f24">
          Events
        </text>
        {draft.events.map((e, i) => {
          const cx = x(num(e.week, 0));
          return (
            <g key={`e${i}`}>
              <path d={`M ${cx} ${eventsY + 4} l 7 7 l -7 7 l -7 -7 z`} fill={OKABE_ITO.orange} stroke="#7a5400">
                <title>{`Week ${String(e.week)}: ${e.label}`}</title>
              </path>
              <text x={cx + 10} y={eventsY + 15} fontSize="10" fill="#5a4100">
                {e.label.length > 24 ? `${e.label.slice(0, 23)}…` : e.label}
              </text>
            </g>
          );
        })}
        <text x={LABEL_W - 8} y={revealsY + 15} fontSize="12" textAnchor="end" fontWeight="bold" fill="#1b1f24">
          Reveals
        </text>
        {draft.trainer.reveals.map((r, i) => {
          const cx = x(num(r.week, 0));
          return (
            <g key={`r${i}`}>
              <path d={`M ${cx} ${revealsY + 3} v 16 M ${cx} ${revealsY + 3} h 10 l -3 4 l 3 4 h -10`} stroke={OKABE_ITO.reddishPurple} fill={OKABE_ITO.reddishPurple} strokeWidth="1.5">
                <title>{`Week ${r.week}: ${r.title}`}</title>
              </path>
            </g>
          );
        })}
      </svg>
      <ul className="sr-only">
        {bars.map((b, i) => (
          <li key={i}>{b.text}</li>
        ))}
        {stageMarks.map((m, i) => (
          <li key={`s${i}`}>
            Week {m.w}: {m.label}
          </li>
        ))}
        {draft.events.map((e, i) => (
          <li key={`e${i}`}>
            Event at week {String(e.week)}: {e.label}
          </li>
        ))}
        {draft.trainer.reveals.map((r, i) => (
          <li key={`r${i}`}>
            Reveal at week {r.week}: {r.title}
          </li>
        ))}
      </ul>
    </figure>
  );
}
