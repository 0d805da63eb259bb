import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ChainExportFormat } from '../../../../shared/api/chains';
import { api, ApiError } from '../../api/client';
import { saveFile } from '../../api/platform';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { chainsMessages } from './messages';
import { exportPicture } from './pictureExport';
import { countryNames } from './useCountryNames';
import type { ChainDetail } from '../../../../shared/api/chains';
import type { ChainGapAnalysis } from '../../../../shared/rules/gap';

type MenuKey = 'png' | 'png:a4' | 'svg' | 'pdf' | 'pdf:wide' | 'targets' | 'xlsx';

/** Picture exports (the poster: PNG 2×, SVG, PDF; 16:9 or A4) drawn here from the shared SVG; Excel exports are backend jobs, saved through the platform. */
export function ExportMenu({ chainId, detail, analysis }: { chainId: number; detail: ChainDetail; analysis: ChainGapAnalysis }) {
  const t = useT(chainsMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (key: MenuKey) => {
    setBusy(true);
    const hide = message.loading(t('exporting'), 0);
    try {
      const [format, page] = key.split(':') as [ChainExportFormat, 'a4' | 'wide' | undefined];
      if (format === 'png' || format === 'svg' || format === 'pdf') {
        const names = await countryNames();
        const picture = await exportPicture(format, page ?? (format === 'pdf' ? 'a4' : 'wide'), detail, analysis, (code) => names.get(code) ?? code);
        message.success(t('exported', { name: picture.name }));
        return;
      }
      const job = await api.runJob('chains.export', { chainId, format, scale: 2 });
      if (job.status !== 'done') throw new ApiError(job.error);
      const result = job.result;
      await saveFile(result.fileId, result.name);
      message.success(t('exported', { name: result.name }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      hide();
      setBusy(false);
    }
  };
  const items: Array<{ key: MenuKey; label: string }> = [
    { key: 'png', label: t('exportPng') },
    { key: 'png:a4', label: t('exportPngA4') },
    { key: 'pdf', label: t('exportPdf') },
    { key: 'pdf:wide', label: t('exportPdfWide') },
    { key: 'svg', label: t('exportSvg') },
    { key: 'targets', label: t('exportTargets') },
    { key: 'xlsx', label: t('exportXlsx') },
  ];
  return (
    <Dropdown menu={{ items: items.map((i) => ({ ...i, 'data-testid': `export-${i.key.replace(':', '-')}` })), onClick: ({ key }) => void run(key as MenuKey) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-menu">
        {t('export')}
      </Button>
    </Dropdown>
  );
}
