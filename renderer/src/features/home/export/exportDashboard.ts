import type { Kpi } from '../../../../../shared/api/dashboard';
import { chartRegistry } from '../charts/EChart';
import type { EChartsType } from '../charts/echarts';
import { imagePdf } from './pdf';
import { canvasBlob, composeDashboard } from './compose';

export interface ExportInput {
  title: string;
  subtitle: string;
  kpis: Array<{ kpi: Kpi; lines: [string, string, string] }>;
  /** Chart ids in page order with their titles; charts not drawn (no data) are left out. */
  charts: Array<[id: string, title: string]>;
}

async function composed(input: ExportInput): Promise<HTMLCanvasElement> {
  const charts = input.charts
    .map(([id, title]) => ({ title, chart: chartRegistry.get(id) }))
    .filter((c): c is { title: string; chart: EChartsType } => c.chart !== undefined);
  return composeDashboard({ title: input.title, subtitle: input.subtitle, kpis: input.kpis, charts });
}

export async function dashboardPng(input: ExportInput): Promise<Blob> {
  return canvasBlob(await composed(input), 'image/png');
}

/** The same picture on one A4 landscape page (JPEG inside: a fraction of the PNG's size, sharp enough to print). */
export async function dashboardPdf(input: ExportInput): Promise<Blob> {
  const canvas = await composed(input);
  const jpeg = new Uint8Array(await (await canvasBlob(canvas, 'image/jpeg', 0.92)).arrayBuffer());
  return new Blob([imagePdf(jpeg, canvas.width, canvas.height)], { type: 'application/pdf' });
}
