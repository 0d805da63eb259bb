import { useEffect, useMemo, useRef, useState } from 'react';
import type { PosterContent } from '../../../../../shared/chains/poster-content';
import { layoutPoster, POSTER_MIN_FONT, type PosterLayout } from '../../../../../shared/chains/poster-layout';
import { renderPosterSvg } from '../../../../../shared/chains/poster-svg';
import type { SegmentStatus } from '../../../../../shared/domain/chain';

/**
 * The poster filling its box: laid out for the box's size (so type is as large as the box allows, at least 15 device
 * pixels — fewer CSS pixels under system zoom), drawn as the same SVG the exports rasterise. A click on a segment
 * picks it. When even the smallest type does not fit, the box scrolls, and the focused segment is scrolled into view.
 */
export function PosterView({
  content,
  dark,
  focusId,
  showLinks,
  statusLetter,
  compact,
  onPick,
}: {
  content: PosterContent;
  dark: boolean;
  focusId: number | null;
  showLinks: boolean;
  statusLetter: (s: SegmentStatus) => string;
  /** Beside the gap panel: smaller type is allowed, so the whole chain stays in view around the one discussed. */
  compact: boolean;
  onPick: (segmentId: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = box.current!;
    const observer = new ResizeObserver(() => setSize({ width: Math.floor(el.clientWidth), height: Math.floor(el.clientHeight) }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const layout: PosterLayout | null = useMemo(() => {
    if (!size || size.width < 100 || size.height < 100) return null;
    // 15 px on the screen itself: under 125 % system zoom that is 12 CSS px, and the whole chain still fits
    const minFont = compact ? 10 : Math.max(12, POSTER_MIN_FONT / (window.devicePixelRatio || 1));
    return layoutPoster(content, { width: size.width, height: size.height, minFont, maxFont: 40, margin: 12 });
  }, [content, size, compact]);
  const svg = useMemo(
    () => (layout ? renderPosterSvg(layout, { theme: dark ? 'dark' : 'light', focusId, links: content.links, showLinks, statusLetter }) : ''),
    [layout, dark, focusId, content.links, showLinks, statusLetter],
  );
  useEffect(() => {
    if (focusId === null || !layout || layout.fits) return;
    box.current?.querySelector(`[data-segment="${focusId}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focusId, layout]);

  return (
    <div
      ref={box}
      data-testid="meeting-poster"
      data-font={layout?.metrics.font}
      data-fits={layout?.fits}
      style={{ position: 'absolute', inset: 0, overflow: layout?.fits === false ? 'auto' : 'hidden' }}
      onClick={(e) => {
        const id = (e.target as Element).closest('[data-segment]')?.getAttribute('data-segment');
        if (id) onPick(Number(id));
      }}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
