import { useEffect, useState } from 'react';
import { useAppStore } from '../store';
import { elapsedMs, formatDuration, speakDuration } from '../model/timer';

/**
 * Render the session timer: elapsed time with Start/Pause and Reset buttons. The time itself
 * is not announced every second (that would drown a screen reader); its label says it in words.
 */
export function SessionTimer() {
  const timer = useAppStore((s) => s.trainer.timer);
  const start = useAppStore((s) => s.startSessionTimer);
  const pause = useAppStore((s) => s.pauseSessionTimer);
  const reset = useAppStore((s) => s.resetSessionTimer);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!timer.running) return;
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [timer.running]);
  const ms = elapsedMs(timer, timer.running ? Math.max(now, timer.startedAtMs ?? now) : now);
  return (
    <div className="session-timer" role="group" aria-label="Session timer">
      <span className="timer-display" role="timer" aria-label={`Session time ${speakDuration(ms)}${timer.running ? ', running' : ', paused'}`}>
        {formatDuration(ms)}
      </span>
      {timer.running ? (
        <button type="button" onClick={() => pause(Date.now())}>
          Pause
        </button>
      ) : (
        <button
          type="button"
          onClick={() => {
            const t = Date.now();
            setNow(t);
            start(t);
          }}
        >
          {ms > 0 ? 'Resume' : 'Start'}
        </button>
      )}
      <button type="button" onClick={reset} disabled={ms === 0 && !timer.running}>
        Reset
      </button>
    </div>
  );
}
