import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ChainExportFormat, ChainExportResult } from '../../../../shared/api/chains';
import { api, ApiError } from '../../api/client';
import { saveFile } from '../../api/platform';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { chainsMessages } from './messages';
import { exportPicture } from './pictureExport';
import type { ChainDetail } from '../../../../shared/api/chains';
import type { ChainGapAnalysis } from '../../../../shared/rules/gap';

/** Picture exports (PNG 2×, SVG, PDF) drawn here from the shared SVG; Excel exports are backend jobs, saved through the platform. */
export function ExportMenu({ chainId, detail, analysis }: { chainId: number; detail: ChainDetail; analysis: ChainGapAnalysis }) {
  const t = useT(chainsMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: ChainExportFormat) => {
    setBusy(true);
    const hide = message.loading(t('exporting'), 0);
    try {
      if (format === 'png' || format === 'svg' || format === 'pdf') {
        const picture = await exportPicture(format, detail, analysis);
        message.success(t('exported', { name: picture.name }));
        return;
      }
      const { jobId } = await api.call('chains.export', { chainId, format, scale: 2 });
      const job = await api.waitForJob(jobId);
      if (job.status !== 'done') throw new ApiError(job.error ?? { code: 'INTERNAL', message: job.status });
      const result = job.result as ChainExportResult;
      await saveFile(result.fileId, result.name);
      message.success(t('exported', { name: result.name }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      hide();
      setBusy(false);
    }
  };
  const items: Array<{ key: ChainExportFormat; label: string }> = [
    { key: 'png', label: t('exportPng') },
    { key: 'svg', label: t('exportSvg') },
    { key: 'pdf', label: t('exportPdf') },
    { key: 'targets', label: t('exportTargets') },
    { key: 'xlsx', label: t('exportXlsx') },
  ];
  return (
    <Dropdown menu={{ items: items.map((i) => ({ ...i, 'data-testid': `export-${i.key}` })), onClick: ({ key }) => void run(key as ChainExportFormat) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-menu">
        {t('export')}
      </Button>
    </Dropdown>
  );
}
