import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * useWait counts down the seconds a server asked to wait (Retry-After).
 * left is 0 when nothing is being waited for; wait(n) starts (or extends) a
 * wait of n seconds; onDone runs once when a wait ends.
 */
export function useWait(onDone?: () => void): { left: number; wait: (seconds: number) => void } {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (until <= Date.now()) return;
    const id = window.setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= until) {
        window.clearInterval(id);
        setUntil(0);
        done.current?.();
      }
    }, 250);
    return () => window.clearInterval(id);
  }, [until]);
  const wait = useCallback((seconds: number) => {
    const t = Date.now();
    setNow(t);
    setUntil((u) => Math.max(u, t + seconds * 1000));
  }, []);
  const left = until > now ? Math.ceil((until - now) / 1000) : 0;
  return { left, wait };
}

/** splitSeconds turns a wait into whole minutes and the seconds left over. */
export function splitSeconds(total: number): { minutes: number; seconds: number } {
  const s = Math.max(0, Math.ceil(total));
  return { minutes: Math.floor(s / 60), seconds: s % 60 };
}
