import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => {});

/**
 * AnnouncerProvider owns one polite live region; announce() reads a message
 * to screen-reader users (e.g. "Application sent", "12 roles shown").
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timers = useRef(new Set<number>());
  // A message still on its way when the provider goes is dropped, not set on nothing.
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((id) => window.clearTimeout(id));
  }, []);
  const announce = useCallback((m: string) => {
    // Clear first so that the same message twice is announced twice.
    setMessage('');
    const id = window.setTimeout(() => {
      timers.current.delete(id);
      setMessage(m);
    }, 50);
    timers.current.add(id);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

/** useAnnounce returns a function that announces a message politely. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
