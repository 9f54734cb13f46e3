/** Family members: every prepared scenario runs, attempts work and keeps maturity finite (Sterman 2000, §21.4.7). */
import { fmt } from './helpers';
import type { ValidationCase } from './types';

/** Return the family case of one prepared scenario. */
function familyCase(id: string): ValidationCase {
  return {
    id: `F-${id}`,
    category: 'family',
    title: `The prepared scenario "${id}" runs and attempts work`,
    source: 'judgement (every prepared case is a member of the model\'s family)',
    threshold: 'the Monte Carlo runs; mean delivered + mean failed > 0 (something is attempted; how much is delivered is each scenario\'s lesson); maturity finite in every replication and every week',
    evaluate(ctx) {
      const input = ctx.scenarios[id];
      if (input === undefined) throw new Error(`no prepared scenario '${id}'`);
      const r = ctx.run(input);
      const delivered = r.kpis.initiativesDelivered?.mean ?? Number.NaN;
      const failed = r.kpis.initiativesFailed?.mean ?? Number.NaN;
      const maturity = r.kpis.maturityAtHorizon;
      const band = r.bands.maturity;
      const finite = maturity !== undefined && band !== undefined && maturity.values.every(Number.isFinite)
        && [band.p10, band.p50, band.p90, band.mean].every((v) => v.every(Number.isFinite));
      return {
        figure: `delivered ${fmt(delivered)}, failed ${fmt(failed)}, maturity ${fmt(maturity?.mean ?? Number.NaN)}`,
        pass: delivered + failed > 0 && finite,
        detail: `Mean initiatives delivered ${fmt(delivered)}, failed ${fmt(failed)}; maturity at the horizon ${finite ? `finite, mean ${fmt(maturity.mean)}` : 'not finite'}.`,
      };
    },
  };
}

/** Return one family case per prepared scenario id, in sorted order. */
export function familyCases(scenarioIds: readonly string[]): ValidationCase[] {
  return [...scenarioIds].sort().map(familyCase);
}
