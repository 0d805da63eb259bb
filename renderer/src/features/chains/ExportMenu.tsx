import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ChainExportFormat, ChainExportResult } from '../../../../shared/api/chains';
import { api, ApiError } from '../../api/client';
import { saveFile } from '../../api/platform';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { chainsMessages } from './messages';

/** Picture (PNG 2×, SVG, PDF) and Excel exports of a chain: a backend job, then saved through the platform. */
export function ExportMenu({ chainId }: { chainId: number }) {
  const t = useT(chainsMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: ChainExportFormat) => {
    setBusy(true);
    const hide = message.loading(t('exporting'), 0);
    try {
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
