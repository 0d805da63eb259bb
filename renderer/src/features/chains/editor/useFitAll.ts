import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';

/**
 * Fits the whole map in the window. React Flow's own fitView waits until every node has been measured in the DOM,
 * which on a large chain (only the nodes in view are drawn: GraphOptions.inViewOnly) may never happen; the nodes'
 * declared sizes say the same, so the viewport is worked out from those.
 */
export function useFitAll(): (duration?: number) => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (duration = 300) => {
      const { width, height, minZoom, maxZoom } = store.getState();
      const bounds = flow.getNodesBounds(flow.getNodes());
      void flow.setViewport(getViewportForBounds(bounds, width, height, minZoom, maxZoom, 0.1), { duration });
    },
    [flow, store],
  );
}
