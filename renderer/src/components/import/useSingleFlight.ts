import { useCallback, useRef, useState } from 'react';

/**
 * Runs one submission at a time: a second click while the first is on its way is ignored (a double-clicked 导入
 * started two commits, and showed "已导入" and "70 行有错误" at once). `busy` disables the buttons meanwhile.
 */
export function useSingleFlight(): { busy: boolean; run: (work: () => Promise<void>) => Promise<void> } {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
