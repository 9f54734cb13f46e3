import type { RunResult } from '../../../../engine';
import { pickSeries, wgllSeriesIds, WGLL_MEASURES } from './outputs';

// The seven "What Good Looks Like" measures as an overlay on the engine's series, used when the
// engine does not report them itself. The mapping is judgement (the "How it works" view says so):
// each measure is read from the stocks that describe it, on the Digital Maturity Assessment's 1–5 scale.

const toScore = (share: number) => 1 + 4 * Math.min(1, Math.max(0, share));

type Reader = (s: (id: string) => number) => number;

/** How each measure is read from the run's series at one week (judgement). */
export const WGLL_OVERLAY: Readonly<Record<string, { readonly reads: string; readonly score: Reader }>> = {
  wellLed: { reads: 'leadership strength and board confidence, equally', score: (s) => toScore(0.5 * s('leadership') + 0.5 * s('confidence')) },
  smartFoundations: { reads: 'infrastructure readiness', score: (s) => toScore(s('infrastructure')) },
  safePractice: { reads: 'maturity of clinical systems', score: (s) => s('maturity.clinicians') },
  supportPeople: { reads: 'maturity for support staff and in-house capability, equally', score: (s) => 0.5 * s('maturity.support') + 0.5 * toScore(s('capability')) },
  empowerCitizens: { reads: 'maturity of services for patients', score: (s) => s('maturity.patients') },
  improveCare: { reads: 'clinical maturity and clinicians\' adoption, equally', score: (s) => 0.5 * s('maturity.clinicians') + 0.5 * toScore(s('adoption.clinicians')) },
  healthyPopulations: {
    reads: 'overall maturity and patients\' adoption, equally',
    score: (s) => 0.5 * s('maturity') + 0.5 * toScore(s('adoption.patients')),
  },
};

/** Return whether the engine reports the seven measures itself. */
export function engineHasWgll(run: RunResult): boolean {
  return WGLL_MEASURES.every((m) => pickSeries(run.series, wgllSeriesIds(m.id)) !== undefined);
}

/** Return the seven measures (1–5) at a week: the engine's own series if it has them, else the overlay; null where a series is missing. */
export function wgllScoresAt(run: RunResult | null, week: number): (number | null)[] {
  if (!run) return WGLL_MEASURES.map(() => null);
  const own = engineHasWgll(run);
  return WGLL_MEASURES.map((m) => {
    if (own) {
      const s = pickSeries(run.series, wgllSeriesIds(m.id))!;
      return s[Math.min(week, s.length - 1)]!;
    }
    let missing = false;
    const at = (id: string) => {
      const s = run.series[id];
      if (!s) {
        missing = true;
        return 0;
      }
      return s[Math.min(week, s.length - 1)]!;
    };
    const v = WGLL_OVERLAY[m.id]!.score(at);
    return missing || !Number.isFinite(v) ? null : Math.min(5, Math.max(1, v));
  });
}
