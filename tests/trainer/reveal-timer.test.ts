import { describe, expect, it } from 'vitest';
import {
  clampRevealPosition,
  nextRevealPosition,
  orderReveals,
  previousRevealPosition,
  revealVisibleUntilWeek,
} from '../../renderer/src/model/reveal';
import { elapsedMs, formatDuration, pauseTimer, speakDuration, startTimer, STOPPED_TIMER } from '../../renderer/src/model/timer';

const REVEALS = [
  { week: 104, title: 'Pandemic declared', note: 'n2' },
  { week: 26, title: 'Stage one', note: 'n1' },
  { week: 600, title: 'Far future', note: 'n3' },
];

describe('reveal stepping', () => {
  it('orders reveals by week, keeping the file order for ties', () => {
    const ties = [
      { week: 5, title: 'b', note: '' },
      { week: 1, title: 'a', note: '' },
      { week: 5, title: 'c', note: '' },
    ];
    expect(orderReveals(ties).map((r) => r.title)).toEqual(['a', 'b', 'c']);
  });

  it('starts at the first reveal and stops at the last', () => {
    let pos = nextRevealPosition(null, 3);
    expect(pos).toBe(0);
    pos = nextRevealPosition(pos, 3);
    pos = nextRevealPosition(pos, 3);
    pos = nextRevealPosition(pos, 3);
    expect(pos).toBe(2);
    expect(previousRevealPosition(pos, 3)).toBe(1);
    expect(previousRevealPosition(0, 3)).toBe(0);
    expect(nextRevealPosition(null, 0)).toBeNull();
  });

  it('shows the weeks up to the current reveal, clamped to the horizon, and everything when not revealing', () => {
    expect(revealVisibleUntilWeek(REVEALS, null, 260)).toBeNull();
    expect(revealVisibleUntilWeek(REVEALS, 0, 260)).toBe(26);
    expect(revealVisibleUntilWeek(REVEALS, 1, 260)).toBe(104);
    expect(revealVisibleUntilWeek(REVEALS, 2, 260)).toBe(260);
  });

  it('keeps a stale position valid when a scenario has fewer reveals', () => {
    expect(clampRevealPosition(5, 2)).toBe(1);
    expect(clampRevealPosition(1, 0)).toBeNull();
    expect(revealVisibleUntilWeek(REVEALS.slice(0, 1), 2, 260)).toBe(104);
  });
});

describe('session timer', () => {
  it('counts only while running and keeps time across a pause', () => {
    let t = startTimer(STOPPED_TIMER, 1_000);
    expect(elapsedMs(t, 61_000)).toBe(60_000);
    t = pauseTimer(t, 61_000);
    expect(elapsedMs(t, 500_000)).toBe(60_000);
    t = startTimer(t, 500_000);
    expect(elapsedMs(t, 505_000)).toBe(65_000);
  });

  it('ignores a second start and a pause while paused', () => {
    const t = startTimer(STOPPED_TIMER, 10);
    expect(startTimer(t, 99)).toBe(t);
    const p = pauseTimer(t, 20);
    expect(pauseTimer(p, 50)).toBe(p);
  });

  it('formats and speaks durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_999)).toBe('1:05');
    expect(formatDuration(3_600_000 + 62_000)).toBe('1:01:02');
    expect(speakDuration(0)).toBe('0 seconds');
    expect(speakDuration(61_000)).toBe('1 minute 1 second');
  });
});

describe('hiding the future of a run during reveals', () => {
  it('blanks series after the reveal week, keeps their length and forgets later outcomes', async () => {
    const { runUntilWeek } = await import('../../renderer/src/model/reveal-run');
    const { simulateExpected, blankInput, REFERENCE_PORTFOLIO } = await import('../../engine');
    const run = simulateExpected({ ...blankInput(), initiatives: REFERENCE_PORTFOLIO });
    const seen = runUntilWeek(run, 52);
    const [id, values] = Object.entries(seen.series)[0]!;
    expect(values.length).toBe(run.series[id]!.length);
    expect(Number.isNaN(values[52]!)).toBe(false);
    expect(values[52]).toBe(run.series[id]![52]);
    expect(Number.isNaN(values[53]!)).toBe(true);
    for (const o of seen.timeline) {
      expect(o.startWeek <= 52).toBe(true);
      expect(o.goLiveWeek <= 52 && o.failedWeek <= 52).toBe(true);
    }
    expect(seen.events.every((e) => e.week <= 52)).toBe(true);
    expect(Object.values(seen.kpis).every((v) => Number.isNaN(v))).toBe(true);
    expect(Object.keys(seen.kpis)).toEqual(Object.keys(run.kpis));
    expect(runUntilWeek(run, 52)).toBe(seen);
    expect(runUntilWeek(run, null)).toBe(run);
  });
});

describe('the reveal banner', () => {
  it('says the end-of-run figures read "—" only while the reveal stops short of the horizon', async () => {
    const { revealBannerNote } = await import('../../renderer/src/model/reveal');
    expect(revealBannerNote(52, 260)).toContain('“—”');
    expect(revealBannerNote(260, 260)).not.toContain('—');
    expect(revealBannerNote(300, 260)).not.toContain('—');
  });
});
