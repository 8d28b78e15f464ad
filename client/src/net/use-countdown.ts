import { useEffect, useState } from 'react';

/**
 * Milliseconds left until a moment on the server's clock, ticking four times a second.
 * `clockOffset` is serverNow − Date.now() at the last message, so a phone whose clock is
 * wrong still counts down to the server's deadline. Never below zero.
 */
export function useCountdown(targetServerMs: number | undefined, clockOffset: number): number {
  const left = () => (targetServerMs === undefined ? 0 : Math.max(0, targetServerMs - (Date.now() + clockOffset)));
  const [ms, setMs] = useState(left);
  useEffect(() => {
    setMs(left());
    if (targetServerMs === undefined) return;
    const timer = setInterval(() => setMs(left()), 250);
    return () => clearInterval(timer);
    // left() reads only these two inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetServerMs, clockOffset]);
  return ms;
}
