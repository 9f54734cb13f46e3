import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_FILE, engineDoors, reportText } from '../../scripts/api-report';

describe('engine/api-report.md (the engine\'s public surface)', () => {
  const want = reportText();

  it('is what `npm run api-report` writes from the engine\'s doors', () => {
    const have = readFileSync(REPORT_FILE, 'utf8');
    // Compared as a boolean first, so that the message says what to do rather than dumping 60 kB of diff.
    expect(have === want, 'engine/api-report.md is out of date: run `npm run api-report`, review the change to the engine\'s public surface and commit it.').toBe(true);
  });

  it('covers every door, each with its own section', () => {
    const doors = engineDoors();
    expect(doors).toContain('engine/index.ts');
    expect(doors).toContain('engine/core/index.ts');
    for (const door of doors) expect(want).toContain(`## ${door}\n`);
  });

  it('describes functions, constants, interfaces and types with the checker\'s signatures', () => {
    expect(want).toContain('function simulateExpected(input: SimInput): RunResult;');
    expect(want).toContain('interface SimRunner {\n  expected(input: SimInput): Promise<RunResult>;');
    expect(want).toContain("type Uncertainty = 'all' | 'noise';");
    expect(want).toContain('const LEVERS: readonly LeverDef[];');
  });
});
