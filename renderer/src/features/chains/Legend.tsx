import { Space } from 'antd';
import type { SegmentStatus } from '../../../../shared/domain/chain';
import { useT } from '../../i18n';
import { chainsMessages } from './messages';
import { StatusIcon } from './StatusIcon';

/** The three statuses with their icons and what each means; used in the editor and in meeting mode. */
export function Legend({ size = 16, fontSize = 13, color }: { size?: number; fontSize?: number; color?: string }) {
  const t = useT(chainsMessages);
  const items: Array<[SegmentStatus, string]> = [
    ['strong', t('legendStrong')],
    ['weak', t('legendWeak')],
    ['missing', t('legendMissing')],
  ];
  return (
    <Space size={size * 1.2} wrap data-testid="chain-legend" style={{ fontSize, color }}>
      {items.map(([status, text]) => (
        <Space key={status} size={6}>
          <StatusIcon status={status} size={size} />
          <span>{text}</span>
        </Space>
      ))}
      <span>{t('legendOverride')}</span>
    </Space>
  );
}
