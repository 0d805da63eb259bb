import { Button, Card, Descriptions, Space, Typography } from 'antd';
import type { ImportDone } from '../../../../../shared/api/projects';
import { useT } from '../../../i18n';
import { registerImportMessages } from './messages';

/** What an import did, kept on screen until the person moves on: counts, header rows, columns left out, warnings. */
export function RegisterResult({ result, onNext, onClose }: { result: ImportDone; onNext(): void; onClose(): void }) {
  const t = useT(registerImportMessages);
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  const ignored = result.ignoredColumns.map((c) => `${c.column}（${c.header || '—'}）`).join('、');
  return (
    <Card
      size="small"
      title={t('resultTitle')}
      data-testid="register-result"
      extra={
        <Space>
          <Button type="primary" onClick={onNext} data-testid="register-next">
            {t('importAnother')}
          </Button>
          <Button onClick={onClose} data-testid="register-close">{t('close')}</Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{t('resultLine', { batch: result.batchId, file: result.fileName, sheet: result.sheet ?? '' })}</Typography.Text>
        <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}>
          <Descriptions.Item label={t('resultRows')}>
            <span data-testid="register-result-counts">{t('resultCounts', { create: result.create, update: result.update, unchanged: result.unchanged, skipped: result.skippedRows })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('resultHeader')}>{t('resultHeaderRows', { rows: result.layout?.headerRows.join('、') ?? '' })}</Descriptions.Item>
          <Descriptions.Item label={t('resultIgnored')}>
            <span data-testid="register-result-ignored">{ignored || t('resultIgnoredNone')}</span>
          </Descriptions.Item>
          {warnings.length > 0 && (
            <Descriptions.Item label={t('resultWarnings', { count: warnings.length })}>
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="register-result-warnings">
                {warnings.slice(0, 20).map((w, i) => (
                  <li key={i}>
                    {w.row ? t('resultRow', { row: w.row }) : ''}
                    {w.message}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Space>
    </Card>
  );
}
