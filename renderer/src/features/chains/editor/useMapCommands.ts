import { App } from 'antd';
import { useReactFlow, type Connection, type Node } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { ChainDetail, SegmentSnapshot } from '../../../../../shared/api/chains';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH, type Lane } from '../../../../../shared/chains/layout';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useChainsStore } from '../../../stores/chains';
import { chainLayoutEngine } from '../layoutEngine';
import { chainsMessages } from '../messages';
import { segmentNodeId } from './graph';
import { useFitAll } from './useFitAll';
import type { Command, useHistory } from './history';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The editor's edits of the map — move (and change stage by dropping into another lane), connect, add, delete,
 * copy/paste, auto layout — each saved through the backend and recorded for undo/redo, and their keyboard keys.
 */
export function useMapCommands({
  chainId,
  detail,
  positions,
  lanes,
  selected,
  setSelected,
  history,
}: {
  chainId: number;
  detail: ChainDetail | null;
  positions: Map<number, { x: number; y: number }>;
  lanes: { lanes: Lane[] };
  selected: ReadonlySet<string>;
  setSelected: (ids: ReadonlySet<string>) => void;
  history: ReturnType<typeof useHistory>;
}) {
  const t = useT(chainsMessages);
  const { message, modal } = App.useApp();
  const store = useChainsStore.getState();
  const flow = useReactFlow();
  const fitAll = useFitAll();
  const clipboard = useRef<SegmentSnapshot | null>(null);

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (err) {
        message.error(errorText(err));
      }
    },
    [message],
  );

  const record = useCallback((command: Command) => history.push(command), [history]);

  /** Moved nodes are saved; a node dropped into another lane takes that lane's stage. */
  const onNodeDragStop = useCallback(
    (_e: unknown, _node: Node, dragged: Node[]) => {
      if (!detail) return;
      const moved = dragged.filter((n) => n.type === 'segment');
      if (moved.length === 0) return;
      const before = moved.map((n) => {
        const s = detail.segments.find((x) => segmentNodeId(x.id) === n.id)!;
        return { id: s.id, x: s.x ?? 0, y: s.y ?? 0, tier: s.tier };
      });
      const after = moved.map((n) => {
        const centre = n.position.x + NODE_WIDTH / 2;
        const lane = lanes.lanes.find((l) => centre >= l.x && centre < l.x + l.width);
        const s = detail.segments.find((x) => segmentNodeId(x.id) === n.id)!;
        return { id: s.id, x: n.position.x, y: n.position.y, tier: lane?.tier ?? s.tier };
      });
      const apply = async (rows: typeof before) => {
        await store.moveSegments(rows.map(({ id, x, y }) => ({ id, x, y })));
        for (const r of rows) {
          const s = useChainsStore.getState().detail!.segments.find((x) => x.id === r.id)!;
          if (s.tier !== r.tier) await store.saveSegment({ id: s.id, chainId, name: s.name, parentId: s.parentId, tier: r.tier, notes: s.notes });
        }
      };
      const tierChanged = after.some((a, i) => a.tier !== before[i]!.tier);
      void run(async () => {
        await apply(after);
        record({ label: t(tierChanged ? 'opTier' : 'opMove'), undo: () => apply(before), redo: () => apply(after) });
      });
    },
    [detail, lanes, store, chainId, run, record, t],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const from = Number(c.source);
      const to = Number(c.target);
      if (!Number.isFinite(from) || !Number.isFinite(to)) return;
      void run(async () => {
        let link = await store.saveLink(from, to);
        record({
          label: t('opLink'),
          undo: () => store.deleteLink(link.id),
          redo: async () => {
            link = await store.saveLink(from, to);
          },
        });
      });
    },
    [store, run, record, t],
  );

  const deleteSelection = useCallback(() => {
    if (!detail) return;
    const segmentIds = [...selected].filter((id) => !id.startsWith('link:')).map(Number);
    const linkIds = [...selected].filter((id) => id.startsWith('link:')).map((id) => Number(id.slice(5)));
    if (segmentIds.length === 0 && linkIds.length === 0) return;
    const names = segmentIds.map((id) => detail.segments.find((s) => s.id === id)?.name).filter(Boolean).join('、');
    const go = () =>
      run(async () => {
        const links = linkIds.map((id) => detail.links.find((l) => l.id === id)!).filter(Boolean);
        for (const l of links) await store.deleteLink(l.id);
        let snapshot = segmentIds.length ? await store.deleteSegments(segmentIds) : null;
        setSelected(new Set());
        record({
          label: t(segmentIds.length ? 'opDelete' : 'opUnlink'),
          undo: async () => {
            if (snapshot) await store.insertSegments(snapshot, 'restore');
            for (const l of links) Object.assign(l, await store.saveLink(l.fromId, l.toId));
          },
          redo: async () => {
            for (const l of links) await store.deleteLink(l.id);
            if (snapshot) snapshot = await store.deleteSegments(snapshot.segments.filter((s) => s.parentId === null || !snapshot!.segments.some((x) => x.id === s.parentId)).map((s) => s.id));
          },
        });
      });
    if (segmentIds.length) modal.confirm({ title: t('deleteSegment'), content: t('deleteSegmentConfirm', { name: names }), onOk: go });
    else void go();
  }, [detail, selected, setSelected, store, run, record, t, modal]);

  const addSegment = useCallback(() => {
    if (!detail) return;
    const parent = selected.size === 1 ? detail.segments.find((s) => segmentNodeId(s.id) === [...selected][0]) : undefined;
    let n = 1;
    while (detail.segments.some((s) => s.name === `${t('newSegmentName')}${n}`)) n++;
    const parentPos = parent ? positions.get(parent.id) : undefined;
    const centre = flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
    const at = parentPos ? { x: parentPos.x + NODE_WIDTH + 56, y: parentPos.y + NODE_HEIGHT + 18 } : { x: centre.x - NODE_WIDTH / 2, y: centre.y };
    const lane = lanes.lanes.find((l) => at.x + NODE_WIDTH / 2 >= l.x && at.x + NODE_WIDTH / 2 < l.x + l.width);
    void run(async () => {
      const segment = await store.saveSegment({
        chainId,
        name: `${t('newSegmentName')}${n}`,
        parentId: parent?.id ?? null,
        tier: parent?.tier ?? lane?.tier ?? detail.chain.tiers[0]!,
        notes: '',
        x: at.x,
        y: at.y,
      });
      setSelected(new Set([segmentNodeId(segment.id)]));
      let snapshot: SegmentSnapshot | null = null;
      record({
        label: t('opAdd'),
        undo: async () => {
          snapshot = await store.deleteSegments([segment.id]);
        },
        redo: async () => {
          if (snapshot) await store.insertSegments(snapshot, 'restore');
        },
      });
    });
  }, [detail, selected, setSelected, positions, lanes, flow, store, chainId, run, record, t]);

  const copy = useCallback(() => {
    if (!detail) return;
    const ids = new Set([...selected].filter((id) => !id.startsWith('link:')).map(Number));
    if (ids.size === 0) return;
    const segments = detail.segments.filter((s) => ids.has(s.id)).map(({ chainId: _c, ...s }) => s);
    clipboard.current = {
      segments,
      links: detail.links.filter((l) => ids.has(l.fromId) && ids.has(l.toId)).map(({ fromId, toId }) => ({ fromId, toId })),
      firms: [],
      targets: [],
      projectSegments: [],
    };
    message.info(t('copied', { count: segments.length }));
  }, [detail, selected, message, t]);

  const paste = useCallback(() => {
    const snapshot = clipboard.current;
    if (!snapshot) return;
    void run(async () => {
      let inserted = await store.insertSegments(snapshot, 'copy', { x: 40, y: 40 });
      setSelected(new Set(inserted.segments.map((s) => segmentNodeId(s.id))));
      message.success(t('pasted', { count: inserted.segments.length }));
      let removed: SegmentSnapshot | null = null;
      const roots = () => inserted.segments.filter((s) => s.parentId === null || !inserted.segments.some((x) => x.id === s.parentId)).map((s) => s.id);
      record({
        label: t('opPaste'),
        undo: async () => {
          removed = await store.deleteSegments(roots());
        },
        redo: async () => {
          if (removed) inserted = { ...inserted, ...(await store.insertSegments(removed, 'restore')) };
        },
      });
    });
  }, [store, run, record, message, t, setSelected]);

  const relayout = useCallback(() => {
    if (!detail) return;
    void run(async () => {
      const before = detail.segments.map((s) => ({ id: s.id, x: s.x ?? 0, y: s.y ?? 0 }));
      const auto = await autoLayout(chainLayoutEngine, detail.segments, detail.links, detail.chain.tiers);
      const after = detail.segments.map((s) => ({ id: s.id, ...auto.get(s.id)! }));
      await store.moveSegments(after);
      record({ label: t('autoLayout'), undo: () => store.moveSegments(before), redo: () => store.moveSegments(after) });
      message.success(t('autoLayoutDone'));
      setTimeout(() => fitAll(), 50);
    });
  }, [detail, store, run, record, message, fitAll, t]);

  const undo = useCallback(() => void history.undo().then((c) => (c ? message.info(t('undone', { label: c.label })) : message.info(t('nothingToUndo'))), (e) => message.error(errorText(e))), [history, message, t]);
  const redo = useCallback(() => void history.redo().then((c) => c && message.info(t('redone', { label: c.label })), (e) => message.error(errorText(e))), [history, message, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('.ant-modal-wrap')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) undo();
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) redo();
      else if (mod && key === 'c') copy();
      else if (mod && key === 'v') paste();
      else if (e.key === 'Delete' || e.key === 'Backspace') deleteSelection();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, copy, paste, deleteSelection]);


  return { onNodeDragStop, onConnect, deleteSelection, addSegment, copy, paste, relayout, undo, redo };
}
