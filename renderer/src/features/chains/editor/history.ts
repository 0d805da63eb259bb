import { useCallback, useRef, useState } from 'react';

/** One undoable edit of the map: both directions call the backend, so undo survives a reload of the list. */
export interface Command {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const LIMIT = 100;

/** Undo/redo stacks of the editor. `push` records an edit already done; a new edit clears the redo stack. */
export function useHistory() {
  const undoStack = useRef<Command[]>([]);
  const redoStack = useRef<Command[]>([]);
  const busy = useRef(false);
  const [, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);

  const push = useCallback((command: Command) => {
    undoStack.current = [...undoStack.current.slice(-(LIMIT - 1)), command];
    redoStack.current = [];
    bump();
  }, []);

  const step = useCallback(async (from: { current: Command[] }, to: { current: Command[] }, run: (c: Command) => Promise<void>): Promise<Command | null> => {
    if (busy.current) return null;
    const command = from.current[from.current.length - 1];
    if (!command) return null;
    busy.current = true;
    try {
      await run(command);
      from.current = from.current.slice(0, -1);
      to.current = [...to.current, command];
      return command;
    } finally {
      busy.current = false;
      bump();
    }
  }, []);

  return {
    push,
    undo: useCallback(() => step(undoStack, redoStack, (c) => c.undo()), [step]),
    redo: useCallback(() => step(redoStack, undoStack, (c) => c.redo()), [step]),
    canUndo: undoStack.current.length > 0,
    canRedo: redoStack.current.length > 0,
    clear: useCallback(() => {
      undoStack.current = [];
      redoStack.current = [];
      bump();
    }, []),
  };
}
