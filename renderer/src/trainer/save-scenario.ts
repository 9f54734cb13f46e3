import { parseScenario, serializeScenario, withDocumentExtension, type Scenario } from '../../../engine';
import { getPlatform, type FileRef } from '../platform';

/** The outcome of saving a scenario: where it went and what reloads from it, or why it did not. */
export type SaveOutcome =
  | { readonly ok: true; readonly file: FileRef; readonly saved: Scenario }
  | { readonly ok: false; readonly cancelled: boolean; readonly message: string };

/**
 * Ask where to save a scenario file (a download in a browser without a save picker) and write
 * it in the stable form. `saved` is the scenario read back from the written text, which is what
 * reopening the file gives; callers load it so the app shows exactly what is on disk.
 */
export async function saveScenarioAs(scenario: Scenario): Promise<SaveOutcome> {
  const text = serializeScenario(scenario);
  const back = parseScenario(text);
  if (!back.ok) {
    return { ok: false, cancelled: false, message: `the scenario does not pass its own checks (${back.problems.map((p) => `${p.path}: ${p.message}`).join('; ')})` };
  }
  try {
    const file = await getPlatform().saveFileAs({ kind: 'scenario', name: withDocumentExtension(scenario.id, 'scenario'), text });
    if (!file) return { ok: false, cancelled: true, message: 'Saving was cancelled.' };
    return { ok: true, file, saved: back.scenario };
  } catch (e) {
    return { ok: false, cancelled: false, message: e instanceof Error ? e.message : String(e) };
  }
}
