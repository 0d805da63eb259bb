import { useEffect, useRef } from 'react';
import { echarts, type ChartOption, type EChartsType } from './echarts';

/** A click on a bar or slice: the series and the data item's index and name. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

/** Charts on the page, by id, for the PNG/PDF export (which draws each one's canvas in page order). */
export const chartRegistry = new Map<string, EChartsType>();

/**
 * One ECharts canvas. The option is set whole on every change (notMerge), the chart follows its box's size, and
 * the instance is registered for export. `data-testid` marks the box for end-to-end tests.
 */
export function EChart({ id, option, height = 300, onClick }: { id: string; option: ChartOption; height?: number; onClick?: (c: ChartClick) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const instance = echarts.init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    chartRegistry.set(id, instance);
    // lets an end-to-end test ask the chart where a bar is drawn (convertToPixel) and click it like a person would
    Object.defineProperty(box.current!, 'echartsInstance', { value: instance, configurable: true });
    instance.on('click', (p) => click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex, name: String(p.name ?? '') }));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      chartRegistry.delete(id);
      instance.dispose();
      chart.current = null;
    };
  }, [id]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} data-testid={`chart-${id}`} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
