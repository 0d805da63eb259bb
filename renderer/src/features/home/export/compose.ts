import type { Kpi } from '../../../../../shared/api/dashboard';
import type { EChartsType } from '../charts/echarts';

/**
 * The dashboard as one picture for the meeting pack: a title line, the KPI cards drawn as boxes, then every chart
 * (each one's own canvas via getDataURL) in a three-column grid. Drawn on a canvas rather than captured from the DOM,
 * so no screenshot library is needed and the result does not depend on the window's size.
 */
export interface ComposeInput {
  title: string;
  subtitle: string;
  kpis: Array<{ kpi: Kpi; lines: [string, string, string] }>;
  charts: Array<{ title: string; chart: EChartsType }>;
}

const WIDTH = 2400;
const PAD = 40;
const COLS = 3;
const KPI_COLS = 4;
const KPI_H = 150;
const CHART_H = 520;
const FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('chart image failed to load'));
    img.src = src;
  });
}

export async function composeDashboard(input: ComposeInput): Promise<HTMLCanvasElement> {
  const kpiRows = Math.ceil(input.kpis.length / KPI_COLS);
  const chartRows = Math.ceil(input.charts.length / COLS);
  const top = PAD + 110;
  const chartsTop = top + kpiRows * (KPI_H + 20) + 10;
  const height = chartsTop + chartRows * (CHART_H + 20) + PAD;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = height;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, WIDTH, height);
  g.fillStyle = '#141414';
  g.font = `bold 44px ${FONT}`;
  g.textBaseline = 'top';
  g.fillText(input.title, PAD, PAD);
  g.font = `24px ${FONT}`;
  g.fillStyle = '#595959';
  g.fillText(input.subtitle, PAD, PAD + 60);

  const kpiW = (WIDTH - 2 * PAD - (KPI_COLS - 1) * 20) / KPI_COLS;
  input.kpis.forEach(({ kpi, lines }, i) => {
    const x = PAD + (i % KPI_COLS) * (kpiW + 20);
    const y = top + Math.floor(i / KPI_COLS) * (KPI_H + 20);
    g.strokeStyle = '#d9d9d9';
    g.lineWidth = 2;
    g.strokeRect(x, y, kpiW, KPI_H);
    g.fillStyle = '#595959';
    g.font = `22px ${FONT}`;
    g.fillText(kpi.label, x + 20, y + 16, kpiW - 40);
    g.fillStyle = '#141414';
    g.font = `bold 38px ${FONT}`;
    g.fillText(lines[0], x + 20, y + 48, kpiW - 40);
    g.font = `20px ${FONT}`;
    g.fillStyle = kpi.completion === null ? '#8c8c8c' : '#1677ff';
    g.fillText(lines[1], x + 20, y + 94, kpiW - 40);
    g.fillStyle = '#8c8c8c';
    g.fillText(lines[2], x + 20, y + 120, kpiW - 40);
  });

  const cellW = (WIDTH - 2 * PAD - (COLS - 1) * 20) / COLS;
  const images = await Promise.all(
    input.charts.map(({ chart }) => loadImage(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }))),
  );
  input.charts.forEach(({ title }, i) => {
    const x = PAD + (i % COLS) * (cellW + 20);
    const y = chartsTop + Math.floor(i / COLS) * (CHART_H + 20);
    g.strokeStyle = '#f0f0f0';
    g.strokeRect(x, y, cellW, CHART_H);
    g.fillStyle = '#141414';
    g.font = `bold 24px ${FONT}`;
    g.fillText(title, x + 16, y + 14, cellW - 32);
    const img = images[i]!;
    const boxH = CHART_H - 60;
    const scale = Math.min((cellW - 20) / img.width, boxH / img.height);
    const w = img.width * scale;
    const h = img.height * scale;
    g.drawImage(img, x + (cellW - w) / 2, y + 52 + (boxH - h) / 2, w, h);
  });
  return canvas;
}

export function canvasBlob(canvas: HTMLCanvasElement, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas export failed'))), type, quality));
}
