import { Button, Typography } from 'antd';
import { useT } from '../../i18n';
import { importMessages } from './messages';

/** Which rows an importer read as the header, why (chosen, remembered), and the link that opens the picker. */
export function HeaderRowsLine(props: { rows: number[]; source: 'detected' | 'given' | 'remembered' | null | undefined; testPrefix: string; onPick(): void }) {
  const t = useT(importMessages);
  const source = props.source === 'given' ? t('headerSourceGiven') : props.source === 'remembered' ? t('headerSourceRemembered') : '';
  return (
    <>
      {props.rows.length > 0 && (
        <Typography.Text type="secondary" data-testid={`${props.testPrefix}-header-rows`}>
          {t('headerRows', { rows: props.rows.join('、') })}
          {source}
        </Typography.Text>
      )}
      <Button size="small" type="link" onClick={props.onPick} data-testid={`${props.testPrefix}-pick-header`}>
        {t('pickHeader')}
      </Button>
    </>
  );
}
