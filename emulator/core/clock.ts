import type { Clock } from './types.js';

/** Real time with simulated durations divided by `timeScale` (e.g. 60 → one AWS minute takes a second). */
export function scaledClock(timeScale: number): Clock {
  const scale = timeScale > 0 ? timeScale : 1;
  return {
    now: () => Date.now(),
    real: (simulatedMs) => simulatedMs / scale,
  };
}
