import { App } from 'antd';
import { useReactFlow, type Connection, type Node } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { ChainDetail, ChainEdit, SegmentSnapshot } from '../../../../../shared/api/chains';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH, type Lane } from '../../../../../shared/chains/layout';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { chainLayoutEngine } from '../layoutEngine';
import { chainsMessages } from '../messages';
import { segmentNodeId } from './graph';
import { useFitAll } from './useFitAll';
import type { EditHistory } from './history';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The editor's edits of the map — move (and change stage by dropping into another lane), connect, add, delete,
 * copy/paste, auto layout — each one `chains.applyEdits` call recorded for undo/redo, and their keyboard keys.
 */
export function useMapCommands({
  detail,
  positions,
  lanes,
  selected,
  setSelected,
  history,
}: {
  detail: ChainDetail | null;
  positions: Map<number, { x: number; y: number }>;
  lanes: { lanes: Lane[] };
  selected: ReadonlySet<string>;
  setSelected: (ids: ReadonlySet<string>) => void;
  history: EditHistory;
}) {
  const t = useT(chainsMessages);
  const { message, modal } = App.useApp();
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

  /** Moved nodes are saved; a node dropped into another lane takes that lane's stage: one edit, one call. */
  const onNodeDragStop = useCallback(
    (_e: unknown, _node: Node, dragged: Node[]) => {
      if (!detail) return;
      const moved = dragged.flatMap((n) => {
        const s = n.type === 'segment' ? detail.segments.find((x) => segmentNodeId(x.id) === n.id) : undefined;
        return s ? [{ segment: s, node: n }] : [];
      });
      if (moved.length === 0) return;
      const positions = moved.map(({ segment, node }) => ({ id: segment.id, x: node.position.x, y: node.position.y }));
      const stages: ChainEdit[] = moved.flatMap(({ segment, node }) => {
        const centre = node.position.x + NODE_WIDTH / 2;
        const lane = lanes.lanes.find((l) => centre >= l.x && centre < l.x + l.width);
        return lane && lane.tier !== segment.tier ? [{ op: 'segment.update', id: segment.id, tier: lane.tier }] : [];
      });
      void run(() => history.apply([{ op: 'segments.move', positions }, ...stages], t(stages.length ? 'opTier' : 'opMove')));
    },
    [detail, lanes, run, history, t],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const fromId = Number(c.source);
      const toId = Number(c.target);
      if (!Number.isFinite(fromId) || !Number.isFinite(toId)) return;
      void run(() => history.apply([{ op: 'link.add', fromId, toId }], t('opLink')));
    },
    [run, history, t],
  );

  const deleteSelection = useCallback(() => {
    if (!detail) return;
    const segmentIds = [...selected].filter((id) => !id.startsWith('link:')).map(Number);
    const linkIds = [...selected].filter((id) => id.startsWith('link:')).map((id) => Number(id.slice(5)));
    if (segmentIds.length === 0 && linkIds.length === 0) return;
    const names = segmentIds.map((id) => detail.segments.find((s) => s.id === id)?.name).filter(Boolean).join('、');
    // links first: a link between two deleted segments goes with them
    const edits: ChainEdit[] = [
      ...linkIds.filter((id) => detail.links.some((l) => l.id === id)).map((id): ChainEdit => ({ op: 'link.delete', id })),
      ...(segmentIds.length ? [{ op: 'segments.delete', ids: segmentIds } as const] : []),
    ];
    if (edits.length === 0) return;
    const go = () =>
      run(async () => {
        await history.apply(edits, t(segmentIds.length ? 'opDelete' : 'opUnlink'));
        setSelected(new Set());
      });
    if (segmentIds.length) modal.confirm({ title: t('deleteSegment'), content: t('deleteSegmentConfirm', { name: names }), onOk: go });
    else void go();
  }, [detail, selected, run, history, t, modal, setSelected]);

  const addSegment = useCallback(() => {
    if (!detail) return;
    const parent = selected.size === 1 ? detail.segments.find((s) => segmentNodeId(s.id) === [...selected][0]) : undefined;
    let n = 1;
    while (detail.segments.some((s) => s.name === `${t('newSegmentName')}${n}`)) n++;
    const parentPos = parent ? positions.get(parent.id) : undefined;
    const centre = flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
    const at = parentPos ? { x: parentPos.x + NODE_WIDTH + 56, y: parentPos.y + NODE_HEIGHT + 18 } : { x: centre.x - NODE_WIDTH / 2, y: centre.y };
    const lane = lanes.lanes.find((l) => at.x + NODE_WIDTH / 2 >= l.x && at.x + NODE_WIDTH / 2 < l.x + l.width);
    const tier = parent?.tier ?? lane?.tier ?? detail.chain.tiers[0];
    if (!tier) return;
    void run(async () => {
      const result = await history.apply([{ op: 'segment.add', name: `${t('newSegmentName')}${n}`, parentId: parent?.id ?? null, tier, x: at.x, y: at.y }], t('opAdd'));
      setSelected(new Set(result.applied[0]?.ids.map(segmentNodeId)));
    });
  }, [detail, selected, positions, lanes, flow, run, history, t, setSelected]);

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
      const result = await history.apply([{ op: 'segments.insert', snapshot, mode: 'copy', offset: { x: 40, y: 40 } }], t('opPaste'));
      const ids = result.applied[0]?.ids ?? [];
      setSelected(new Set(ids.map(segmentNodeId)));
      message.success(t('pasted', { count: ids.length }));
    });
  }, [run, history, message, t, setSelected]);

  const relayout = useCallback(() => {
    if (!detail) return;
    void run(async () => {
      const auto = await autoLayout(chainLayoutEngine, detail.segments, detail.links, detail.chain.tiers);
      const positions = detail.segments.flatMap((s) => {
        const p = auto.get(s.id);
        return p ? [{ id: s.id, x: p.x, y: p.y }] : [];
      });
      if (positions.length === 0) return;
      await history.apply([{ op: 'segments.move', positions }], t('autoLayout'));
      message.success(t('autoLayoutDone'));
      setTimeout(() => fitAll(), 50);
    });
  }, [detail, run, history, message, fitAll, t]);

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
