import { useEffect, useEffectEvent } from 'react';
import type { ChangedEvent } from '../../../shared/api';
import type { DataArea } from '../../../shared/api/define';
import { api } from './client';

export interface ChangedOptions {
  /**
   * Skip the changes this window made itself (a store that already took the call's answer, patching its rows in
   * place, need not fetch them again).
   */
  ignoreOwn?: boolean;
}

/**
 * Calls `handler` whenever a call (from any window, the CLI, or a job when it finished) changed one of `areas`, and
 * once the desktop app's backend process is back after a restart: what it committed before it died, or what another
 * client changed meanwhile, was never announced, so every watched area counts as changed.
 */
export function useChanged(areas: DataArea | readonly DataArea[], handler: (event: ChangedEvent) => void, options: ChangedOptions = {}): void {
  const onChanged = useEffectEvent(handler);
  const watched = (typeof areas === 'string' ? [areas] : areas).join(' ');
  const { ignoreOwn = false } = options;
  useEffect(() => {
    const wanted = new Set(watched.split(' '));
    return api.onEvent((event) => {
      if (event.type === 'backend' && event.state === 'ready') return onChanged({ type: 'changed', areas: [...wanted] as DataArea[] });
      if (event.type !== 'changed' || !event.areas.some((a) => wanted.has(a))) return;
      if (ignoreOwn && event.origin !== undefined && event.origin === api.origin()) return;
      onChanged(event);
    });
  }, [watched, ignoreOwn]);
}
