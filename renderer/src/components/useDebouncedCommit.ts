import { useEffect, useRef } from 'react';

/**
 * Typing waits for a pause before it asks the server: `commit(text)` runs once `text` has not changed for `delayMs`,
 * unless it already equals `current` (the value the list is filtered by). Only a change of `text` starts the wait, so
 * a filter cleared elsewhere is not put back from a stale input.
 */
export function useDebouncedCommit(text: string, current: string, commit: (text: string) => void, delayMs = 300): void {
  const latest = useRef({ current, commit });
  useEffect(() => {
    latest.current = { current, commit };
  });
  useEffect(() => {
    if (latest.current.current === text) return;
    const timer = setTimeout(() => latest.current.commit(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
}
