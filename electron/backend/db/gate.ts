import { AppError } from '../errors';
import type { JobControl } from '../jobs';

interface Turn {
  /** What the holder does, as a person would say it after 正在 (导入外资统计（江北区.xlsx）): for refusals and waits. */
  label: string;
  begin: () => void;
}

/**
 * One writer at a time, maintenance included. Jobs that write the database through a connection of their own
 * (imports, consolidation) take turns in the order they came; maintenance (restoring a backup) runs only when no
 * writer holds or waits for the gate — it is refused with DB_BUSY then, never run under one — and while it runs,
 * writers wait, and so does every call the dispatcher is given (see `maintenanceDone`).
 */
export class WriteGate {
  private holder: Turn | null = null;
  private readonly queue: Turn[] = [];
  private maintenance: Promise<void> | null = null;

  /** What holds the gate, or the first in line for it; null when it is free. */
  busyWith(): string | null {
    const turn = this.holder ?? this.queue[0];
    return turn ? `正在${turn.label}` : null;
  }

  /**
   * Runs a writing job's work when its turn comes. While it waits the job says what it waits for; a job cancelled
   * while waiting leaves the queue without having started.
   */
  async writer<T>(label: string, job: JobControl, work: () => Promise<T>): Promise<T> {
    const release = await this.turn(label, job);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /**
   * Waits for a writer's turn and holds it until the returned function is called: for a job that does part of its
   * work (reading a file) before it needs the database, and takes its turn only then.
   */
  async turn(label: string, job: JobControl): Promise<() => void> {
    if (this.holder || this.queue.length) {
      job.progress(null, `等待另一项操作完成（${this.busyWith()}）`);
      await new Promise<void>((resolve, reject) => {
        const turn: Turn = {
          label,
          begin: () => {
            job.signal.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          this.queue.splice(this.queue.indexOf(turn), 1);
          reject(new AppError('JOB_CANCELLED'));
        };
        job.signal.addEventListener('abort', onAbort, { once: true });
        this.queue.push(turn);
      });
    } else this.holder = { label, begin: () => undefined };
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  /** Runs maintenance alone, or refuses it (DB_BUSY, naming what is under way) when a writer holds or waits. */
  async exclusive<T>(label: string, work: () => Promise<T>): Promise<T> {
    const busy = this.busyWith();
    if (busy) throw new AppError('DB_BUSY', `${busy}，完成后才能${label}`);
    let done!: () => void;
    this.maintenance = new Promise((resolve) => (done = resolve));
    this.holder = { label, begin: () => undefined };
    try {
      return await work();
    } finally {
      this.maintenance = null;
      done();
      this.release();
    }
  }

  /** Resolves when no maintenance runs (at once, mostly): calls made meanwhile see the database after it. */
  async maintenanceDone(): Promise<void> {
    while (this.maintenance) await this.maintenance;
  }

  private release(): void {
    this.holder = this.queue.shift() ?? null;
    this.holder?.begin();
  }
}
