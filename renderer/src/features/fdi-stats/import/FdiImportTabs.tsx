import type { TabsProps } from 'antd';
import { useT } from '../../../i18n';
import { BatchesTable } from './BatchesTable';
import { ImportWizard } from './ImportWizard';
import { fdiImportMessages } from './messages';

/** The import's tabs in 外资统计 (StatsPage lists them beside the standard tables). */
export function useFdiImportTabs(): NonNullable<TabsProps['items']> {
  const t = useT(fdiImportMessages);
  return [
    { key: 'import', label: t('tabImport'), children: <ImportWizard /> },
    { key: 'batches', label: t('tabBatches'), children: <BatchesTable /> },
  ];
}
