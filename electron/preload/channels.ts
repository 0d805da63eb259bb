/** The two IPC channels between the shell and its windows: one for calls (invoke/handle), one for pushed events. */
export const CALL_CHANNEL = 'fdi:call';
export const EVENT_CHANNEL = 'fdi:event';
