import { completeAttribution, evaluateTask, LEVERS, planAttribution, pointOf, taskOf, type Attribution, type KpiSummary, type RunFile, type SimRunner } from '../../../engine';

/**
 * Attribute the KPI gaps between a reference run (A) and another run (B) to the settings that
 * differ, simulating one coalition of swapped settings at a time through the runner (so progress
 * can be shown and the UI stays responsive). Every coalition uses A's seed and replications.
 * `bSummary` is B's own summary when it has already been simulated; otherwise it is simulated here.
 */
export async function attributeGap(
  a: RunFile,
  b: RunFile,
  runner: SimRunner,
  opts: { onProgress?: (done: number, total: number) => void; bSummary?: KpiSummary } = {},
): Promise<Attribution> {
  const plan = planAttribution(pointOf(a), pointOf(b), LEVERS);
  const results: KpiSummary[] = [];
  for (const task of plan.tasks) {
    results.push(await evaluateTask(task, runner));
    opts.onProgress?.(results.length, plan.tasks.length);
  }
  // The empty coalition (task 0) is A itself with A's sampling, so it is A's own summary.
  const kpisA = results[0]!.kpis;
  const kpisB = (opts.bSummary ?? (await evaluateTask(taskOf(b), runner))).kpis;
  return completeAttribution(plan, results, kpisA, kpisB);
}
