import { useCallback, useRef, useState } from 'react';
import type { ChainEdit, ChainEditsResult } from '../../../../../shared/api/chains';
import { useT } from '../../../i18n';
import { useChainsStore } from '../../../stores/chains';
import { chainsMessages } from '../messages';

/**
 * One step of the map's history: the edits that take it (back or again), kept by the backend's answer. Undoing applies
 * them in one call, and that call's answer is the step that redoes it, and so on: ids the backend gave stay right.
 */
export interface Step {
  label: string;
  edits: ChainEdit[];
}

const LIMIT = 100;

/**
 * Undo/redo stacks of the editor. `apply` makes an edit and records it; a new edit clears the redo stack. Undo and
 * redo are one `chains.applyEdits` call each.
 */
export function useHistory() {
  const t = useT(chainsMessages);
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const busy = useRef(false);
  const [, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);

  const apply = useCallback(async (edits: ChainEdit[], label: string): Promise<ChainEditsResult> => {
    const result = await useChainsStore.getState().edit(edits, label);
    undoStack.current = [...undoStack.current.slice(-(LIMIT - 1)), { label, edits: result.inverse }];
    redoStack.current = [];
    bump();
    return result;
  }, []);

  const step = useCallback(
    async (from: { current: Step[] }, to: { current: Step[] }, word: string): Promise<Step | null> => {
      if (busy.current) return null;
      const top = from.current[from.current.length - 1];
      if (!top) return null;
      busy.current = true;
      try {
        const result = await useChainsStore.getState().edit(top.edits, `${word}：${top.label}`);
        from.current = from.current.slice(0, -1);
        to.current = [...to.current, { label: top.label, edits: result.inverse }];
        return top;
      } finally {
        busy.current = false;
        bump();
      }
    },
    [],
  );

  return {
    apply,
    undo: useCallback(() => step(undoStack, redoStack, t('undoWord')), [step, t]),
    redo: useCallback(() => step(redoStack, undoStack, t('redoWord')), [step, t]),
    canUndo: undoStack.current.length > 0,
    canRedo: redoStack.current.length > 0,
    clear: useCallback(() => {
      undoStack.current = [];
      redoStack.current = [];
      bump();
    }, []),
  };
}

export type EditHistory = ReturnType<typeof useHistory>;
