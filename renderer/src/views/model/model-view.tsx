import { CONSTRAINT_LABELS, CONSTRAINTS, DRAWN_PARAMETERS, ENGINE_VERSION, KPIS, LEVER_GROUPS, LEVERS, PARAMETERS, SERIES, WEINBERG_TABLE } from '../../../../engine';
import { CATEGORY_TITLES, VALIDATION_CATEGORIES, type ValidationReport } from '../../../../engine/validation';
import validationResults from '../../../../engine/validation/results.json';
import { EVIDENCE_WORDS } from '../../model/assumption-ranking';
import { formatLeverValue } from '../../model/format';
import { GROUP_TITLES } from '../../components/levers-panel';
import { LESSONS } from '../../components/why-panel';
import { WGLL_BASIS, WGLL_ROWS } from '../explore/wgll-overlay';
import { MECHANISMS, type Mechanism } from './mechanisms';

const BASIS_WORDS: Readonly<Record<Mechanism['basis'], { readonly label: string; readonly className: string }>> = EVIDENCE_WORDS;

const isJudgement = (source: string) => /judgement/i.test(source);

/** The validation suite's latest results, written by `npm run validate:model`. */
const VALIDATION = validationResults as ValidationReport;

/** Render "How the model works": each mechanism's rule in words, its sources, what is judgement, and every lever's range and source. */
export function ModelView() {
  return (
    <main className="model-view">
      <h1>How it works</h1>
      <p>
        Momentum steps a trust forward one week at a time. Each week, the board&apos;s settings decide how much of the team&apos;s time turns into
        progress, what goes live, how fast people adopt it and how the board&apos;s confidence moves. Where a number comes from a study it says so;
        where it is the model&apos;s own judgement it says that too.
      </p>

      <section aria-labelledby="mechanisms-heading">
        <h2 id="mechanisms-heading">Mechanisms</h2>
        {MECHANISMS.map((m) => (
          <article key={m.id} className="mechanism" aria-labelledby={`mech-${m.id}`}>
            <h3 id={`mech-${m.id}`}>
              {m.title} <span className={BASIS_WORDS[m.basis].className}>{BASIS_WORDS[m.basis].label}</span>
            </h3>
            <p>{m.summary}</p>
            <p className="equation">{m.rule}</p>
            {m.id === 'switching' && (
              <table className="kpi-table switching-table">
                <caption>Share of time on real work, by concurrent priorities (from the engine)</caption>
                <thead>
                  <tr>
                    <th scope="col">Priorities</th>
                    {WEINBERG_TABLE.map((_, i) => (
                      <th key={i} scope="col">
                        {i + 1}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Real work</th>
                    {WEINBERG_TABLE.map((v, i) => (
                      <td key={i}>{Math.round(v * 100)}%</td>
                    ))}
                  </tr>
                </tbody>
              </table>
            )}
            <p className="source">
              <strong>Sources:</strong> {m.sources}
              {m.lesson && LESSONS[m.lesson] && <> · Lesson: {LESSONS[m.lesson]}</>}
            </p>
          </article>
        ))}
      </section>

      <section aria-labelledby="constraints-heading" className="mechanism">
        <h2 id="constraints-heading">What the &quot;why&quot; panel names</h2>
        <p>For each period the model works out which constraint cost the most progress:</p>
        <ul>
          {CONSTRAINTS.map((c) => (
            <li key={c}>{CONSTRAINT_LABELS[c]}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="wgll-heading" className="mechanism">
        <h2 id="wgll-heading">
          &quot;What Good Looks Like&quot; scores <span className="tag-judgement">Judgement</span>
        </h2>
        <p>
          The seven success measures of NHS England&apos;s &quot;What Good Looks Like&quot; framework are shown on the 1–5 scale of the Digital
          Maturity Assessment, which trusts score themselves. The model reads each measure from its own stocks:
        </p>
        <ul>
          {WGLL_ROWS.map((m) => (
            <li key={m.id}>
              <strong>{m.label}</strong>: {WGLL_BASIS[m.id]}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="levers-heading-model" className="mechanism">
        <h2 id="levers-heading-model">The board&apos;s levers</h2>
        <table className="kpi-table levers-table">
          <caption className="sr-only">Every lever with its range, default and source</caption>
          <thead>
            <tr>
              <th scope="col">Lever</th>
              <th scope="col">Range</th>
              <th scope="col">Default</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          {LEVER_GROUPS.map((g) => (
            <tbody key={g}>
              <tr>
                <th scope="rowgroup" colSpan={4} className="group-row">
                  {GROUP_TITLES[g]}
                </th>
              </tr>
              {LEVERS.filter((l) => l.group === g).map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {l.label}
                    <span className="lever-explain">{l.explanation}</span>
                  </th>
                  <td>
                    {formatLeverValue(l, l.min)} – {formatLeverValue(l, l.max)}
                  </td>
                  <td>{formatLeverValue(l, l.default)}</td>
                  <td className="source-cell">
                    {l.source}
                    {isJudgement(l.source) && l.source.trim().toLowerCase() !== 'judgement' && <span className="tag-judgement">Judgement</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </section>

      <AssumptionsSection />
      <ValidationSection report={VALIDATION} />

      <section aria-labelledby="outputs-heading" className="mechanism">
        <h2 id="outputs-heading">What the model reports</h2>
        <h3>Weekly series</h3>
        <dl className="defs">
          {SERIES.map((s) => (
            <div key={s.id}>
              <dt>{s.label}</dt>
              <dd>{s.explanation}</dd>
            </div>
          ))}
        </dl>
        <h3>Key measures</h3>
        <dl className="defs">
          {KPIS.map((k) => (
            <div key={k.id}>
              <dt>{k.label}</dt>
              <dd>
                {k.explanation} {k.better === 'higher' ? 'Higher is better.' : 'Lower is better.'}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}

/** Render the validation suite's results: each test, what the model gave, what it had to give, and whether it passes. */
function ValidationSection({ report }: { report: ValidationReport }) {
  const total = report.passed + report.failed;
  return (
    <section aria-labelledby="validation-heading" className="mechanism">
      <h2 id="validation-heading">Validation</h2>
      <p>
        The model is tested the way system-dynamics practice tests a model (Sterman, <em>Business Dynamics</em>, ch. 21; Barlas 1996): its
        structure and units, extreme conditions, the shapes of published reference modes, a sweep of every lever, and every prepared scenario.{' '}
        <strong>
          {report.passed} of {total} tests pass.
        </strong>{' '}
        Figures are means over {report.replications} runs with the same random numbers (seed {report.seed}) unless a test says otherwise.
        {report.engineVersion !== ENGINE_VERSION && (
          <>
            {' '}
            These results are from engine version {report.engineVersion}; this is version {ENGINE_VERSION}.
          </>
        )}
      </p>
      <table className="kpi-table validation-table">
        <caption className="sr-only">Every validation test with the model&apos;s figure, the threshold and the result</caption>
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Figure</th>
            <th scope="col">Threshold</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        {VALIDATION_CATEGORIES.filter((c) => report.results.some((r) => r.category === c)).map((c) => (
          <tbody key={c}>
            <tr>
              <th scope="rowgroup" colSpan={4} className="group-row">
                {CATEGORY_TITLES[c]}
              </th>
            </tr>
            {report.results
              .filter((r) => r.category === c)
              .map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.title}
                    <span className="lever-explain">
                      {r.id} · {r.source}
                    </span>
                  </th>
                  <td>{r.figure}</td>
                  <td className="source-cell">{r.threshold}</td>
                  <td className={r.pass ? 'better' : 'worse'}>
                    <span aria-hidden="true">{r.pass ? '✓' : '✗'}</span>
                    <span className="sr-only">{r.pass ? 'Passes' : 'Fails'}</span>
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}

/** The parameters drawn when the likely range includes the model's assumptions, in the registry's order. */
const DRAWN = PARAMETERS.filter((p) => (DRAWN_PARAMETERS as readonly string[]).includes(p.id));

/** Render the model's assumptions from the parameter registry: how many rest on evidence, and the ones the bands draw. */
function AssumptionsSection() {
  const count = (e: string) => PARAMETERS.filter((p) => p.evidence === e).length;
  return (
    <section aria-labelledby="assumptions-heading" className="mechanism">
      <h2 id="assumptions-heading">The model&apos;s assumptions</h2>
      <p>
        Besides the board&apos;s settings, the model rests on {PARAMETERS.length} parameters: {count('evidence')} taken from a published source,{' '}
        {count('mixed')} that mix a source with judgement and {count('judgement')} that are judgement alone. Each has a plausible range. By
        default the likely range on the charts includes these {DRAWN.length}, drawn afresh in every run, because the results depend on them
        most. The Sensitivity view&apos;s &quot;Which assumptions matter&quot; tab ranks them by how far each moves a result for any what-if
        and KPI, and says when the one at the top rests on judgement alone. From the command line, <code>momentum parameters</code>{' '}
        lists them all and <code>momentum sensitivity --over parameters</code> ranks them.
      </p>
      <table className="kpi-table assumptions-table">
        <caption>Assumptions the likely range includes (from the parameter registry)</caption>
        <thead>
          <tr>
            <th scope="col">Assumption</th>
            <th scope="col">Default</th>
            <th scope="col">Plausible range</th>
            <th scope="col">Basis</th>
          </tr>
        </thead>
        <tbody>
          {DRAWN.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.label}</th>
              <td>
                {p.default} {p.unit}
              </td>
              <td>
                {p.min}–{p.max}
              </td>
              <td>
                <span className={BASIS_WORDS[p.evidence].className}>{BASIS_WORDS[p.evidence].label}</span> {p.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
