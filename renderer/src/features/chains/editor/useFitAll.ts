import { getViewportForBounds, useReactFlow, useStoreApi, type Rect, type Viewport } from '@xyflow/react';
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

/** The zoom at which a segment's name (14 px on the map) is 12 px on the screen: the least the editor opens at. */
export const READABLE_ZOOM = 0.86;

/**
 * Where the editor opens: the whole map when it fits at a readable size; otherwise its top left (the first stage's
 * first segments) at a readable size, the rest a pan away. A fitted 45-segment chain would be 5 px type.
 */
export function openingViewport(bounds: Rect, canvas: { width: number; height: number }): Viewport {
  const fit = getViewportForBounds(bounds, canvas.width, canvas.height, 0.05, 1.2, 0.05);
  if (fit.zoom >= READABLE_ZOOM) return fit;
  return { x: 16 - bounds.x * READABLE_ZOOM, y: 16 - bounds.y * READABLE_ZOOM, zoom: READABLE_ZOOM };
}
