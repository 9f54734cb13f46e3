import type { TrainerScenario } from '../../store/trainer/trainer-slice';

/** The fields an event of each kind has beyond kind, week and label. */
export const EVENT_FIELDS = {
  'urgency-shock': ['size', 'priorityCap', 'governanceRelief'],
  'people-leave': ['share'],
  'new-chief-executive': ['ownership'],
  'funding-change': ['factor'],
} as const;

/** The field a gate condition of each kind has beyond its kind. */
export const GATE_FIELD = {
  week: 'week',
  'initiatives-live': 'ids',
  infrastructure: 'atLeast',
  confidence: 'atLeast',
  maturity: 'atLeast',
} as const;

/**
 * Return the path of every field the editor shows for this draft, in the validator's path
 * syntax. Problems at these paths (or inside them) appear beside the field; the rest appear in
 * the summary at the top.
 */
export function editorFieldPaths(d: TrainerScenario): string[] {
  const out = ['id', 'title', 'lesson', 'summary', 'horizonWeeks', 'initiatives', 'stages', 'events', 'goal', 'goal.kind'];
  const goalFields: Record<string, readonly string[]> = { maturity: ['atLeast'], adoption: ['pillar', 'atLeast'], 'initiatives-live': ['ids'] };
  for (const f of goalFields[d.goal.kind] ?? []) out.push(`goal.${f}`);
  d.initiatives.forEach((_, i) => {
    const p = `initiatives[${i}]`;
    out.push(p);
    for (const f of ['id', 'name', 'pillar', 'effortWeeks', 'businessCritical', 'prerequisites', 'rollout', 'stage', 'earliestStartWeek', 'benefit', 'infrastructureNeed', 'buildsInfrastructure']) {
      out.push(`${p}.${f}`);
    }
  });
  d.stages.forEach((s, i) => {
    const p = `stages[${i}]`;
    out.push(p, `${p}.id`, `${p}.name`, `${p}.maxConcurrentCritical`, `${p}.gate`);
    (s.gate ?? []).forEach((g, k) => {
      out.push(`${p}.gate[${k}]`, `${p}.gate[${k}].kind`);
      const field = (GATE_FIELD as Record<string, string>)[g.kind];
      if (field) out.push(`${p}.gate[${k}].${field}`);
    });
  });
  d.events.forEach((e, i) => {
    const p = `events[${i}]`;
    out.push(p, `${p}.kind`, `${p}.week`, `${p}.label`);
    for (const f of (EVENT_FIELDS as Record<string, readonly string[]>)[e.kind] ?? []) out.push(`${p}.${f}`);
  });
  out.push('trainer.reveals', 'targets');
  d.trainer.reveals.forEach((r, i) => {
    const p = `trainer.reveals[${i}]`;
    out.push(p, `${p}.week`, `${p}.title`, `${p}.note`);
    (r.predictions ?? []).forEach((q, k) => {
      const qp = `${p}.predictions[${k}]`;
      out.push(qp, `${qp}.question`, `${qp}.series`);
      if (q.kind === 'vote') {
        out.push(`${qp}.options`);
        q.options.forEach((_, o) => out.push(`${qp}.options[${o}]`, `${qp}.options[${o}].label`, `${qp}.options[${o}].atLeast`, `${qp}.options[${o}].atMost`));
      }
    });
  });
  d.targets.forEach((t, i) => {
    const p = `targets[${i}]`;
    out.push(p, `${p}.label`, `${p}.kpi`, `${p}.atLeast`, `${p}.atMost`);
    if (t.maxLever) out.push(`${p}.maxLever.leverId`, `${p}.maxLever.atMost`);
  });
  return out;
}
