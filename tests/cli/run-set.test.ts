/**
 * One set of numbers (issue "Board-ready"): `momentum run FILE --json` with no options runs the app's run set,
 * so for every prepared scenario the CLI's typical outcome equals the figure Explore headlines, bit for bit and
 * so at the app's displayed precision. The app side is computed as Explore computes it: a Monte Carlo with the
 * live scheduler's band options, each headline KPI its median (kpiRun), the goal its share.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, monteCarlo, parseScenario, RUN_SET, scenarioToInput, typicalKpi } from '../../engine';
import { formatKpi, KPI_TABLE } from '../../renderer/src/components/kpi-meta';
import { bandOptions } from '../../renderer/src/sim/live-scheduler';
import { momentum, scenarioFiles } from './helpers';

interface RunJson {
  readonly method: string;
  readonly seed: number;
  readonly replications: number;
  readonly uncertainty: string;
  readonly kpis: Record<string, number>;
  readonly distribution: Record<string, { p10: number; p50: number; p90: number; mean: number }>;
}

describe('the run set: the CLI with no options gives the figures the app headlines', () => {
  it('runs the app\'s run set by default', () => {
    const opts = bandOptions();
    expect({ replications: opts.replications, seed: opts.seed, uncertainty: opts.uncertainty }).toEqual(RUN_SET);
  });

  for (const file of scenarioFiles()) {
    it(`${basename(file)}: every headline KPI and the chance of reaching the goal`, async () => {
      const r = await momentum(['run', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      // Exactly one JSON object on stdout, every KPI a number.
      expect(r.stdout.trim().startsWith('{')).toBe(true);
      const cli = JSON.parse(r.stdout) as RunJson & { engineVersion: string };
      expect(cli.engineVersion).toBe(ENGINE_VERSION);
      for (const v of Object.values(cli.kpis)) expect(Number.isFinite(v)).toBe(true);
      expect({ method: cli.method, seed: cli.seed, replications: cli.replications, uncertainty: cli.uncertainty }).toEqual({ method: 'monte-carlo', ...RUN_SET });

      const parsed = parseScenario(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const app = monteCarlo(scenarioToInput(parsed.scenario), bandOptions());
      for (const meta of KPI_TABLE) {
        const id = meta.ids.find((k) => k in cli.distribution);
        if (!id) continue;
        expect(cli.distribution[id]!.p50, id).toBe(app.kpis[id]!.p50);
        expect(formatKpi(meta, typicalKpi(cli, id)), id).toBe(formatKpi(meta, app.kpis[id]!.p50));
      }
      expect(typicalKpi(cli, 'goalReached')).toBe(app.kpis.goalReached!.mean);
    });
  }
});
