import type { BackendEvent } from '../../shared/api';

export type EventListener = (event: BackendEvent) => void;

/** Fan-out of backend events to every transport that listens (SSE clients, Electron windows, tests). */
export class EventBus {
  private listeners = new Set<EventListener>();
  /** `onListenerError`: told when a listener throws (the others still get the event). */
  constructor(private readonly onListenerError: (err: unknown) => void = () => undefined) {}
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: BackendEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        // a broken listener (a closed socket) must not stop the others
        this.onListenerError(err);
      }
    }
  }
}
