import { Alert, Button, Collapse, Space, Typography } from 'antd';
import { useState } from 'react';
import type { LayoutChoice } from '../../../../../shared/api/importLayout';
import type { ImportCheck } from '../../../../../shared/api/projects';
import { HeaderRowsLine } from '../HeaderRowsLine';
import { HeaderRowsPicker } from '../HeaderRowsPicker';
import { MappingEditor, type EditedMapping } from '../MappingEditor';
import { ProblemsTable } from '../ProblemsTable';
import { useT } from '../../../i18n';
import { registerImportMessages } from './messages';

/** Warnings about columns: one taken by its content, or a field left to its default beside a column like it. */
const COLUMN_CODES = new Set(['COLUMN_BY_CONTENT', 'COLUMN_LOOKS_LIKE']);

/**
 * What the check of a register file found: the columns to look at first, the counts, the header rows (which can be
 * chosen again), the column mapping with the columns not imported (correctable, remembered), every problem. The
 * import button is the modal's (always in view).
 */
export function RegisterPreview(props: {
  check: ImportCheck;
  choice: LayoutChoice;
  busy: boolean;
  onRecheck(choice: LayoutChoice): void;
}) {
  const t = useT(registerImportMessages);
  const { check, busy } = props;
  const layout = check.layout;
  const [mapping, setMapping] = useState<EditedMapping>(() => Object.fromEntries((layout?.fields ?? []).map((f) => [f.key, layout?.mapping[f.key] ?? null])));
  const [picking, setPicking] = useState(!layout);
  const errors = check.problems.filter((p) => p.severity !== 'warning');
  const warnings = check.problems.filter((p) => p.severity === 'warning');
  const columnWarnings = warnings.filter((p) => COLUMN_CODES.has(p.code));
  const mappingChanged = layout ? Object.keys(mapping).some((k) => (mapping[k] ?? null) !== (layout.mapping[k] ?? null)) : false;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="register-preview">
      {columnWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="register-column-warnings"
          title={t('columnWarnings')}
          description={
            <Space orientation="vertical" size={0}>
              {columnWarnings.map((w, i) => (
                <span key={i}>{w.message}</span>
              ))}
            </Space>
          }
        />
      )}
      {layout && (
        <Typography.Text strong data-testid="import-summary">
          {t('summary', { file: check.fileName, sheet: layout.sheet, rows: check.rows, create: check.create, update: check.update, unchanged: check.unchanged, skipped: check.skippedRows })}
        </Typography.Text>
      )}
      {layout && (
        <Space wrap size={4}>
          <HeaderRowsLine rows={layout.headerRows} source={layout.headerSource} testPrefix="register" onPick={() => setPicking(!picking)} />
        </Space>
      )}
      {picking && layout && (
        <HeaderRowsPicker head={layout.head} headerRows={layout.headerRows} busy={busy} testPrefix="register" onApply={(headerRows) => props.onRecheck({ sheet: layout.sheet, headerRows })} />
      )}
      {layout && (
        <Collapse
          size="small"
          // open where there is something to look at: columns to check or left out, or a mapping just corrected
          defaultActiveKey={columnWarnings.length || check.ignoredColumns.length || layout.mappingSource === 'given' ? ['mapping'] : []}
          items={[
            {
              key: 'mapping',
              label: `${t('mapping')}${layout.mappingSource === 'remembered' ? `（${t('mappingRemembered')}）` : ''}`,
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{t('mappingHelp')}</Typography.Text>
                  <MappingEditor fields={layout.fields} found={{ ...layout, ignoredColumns: check.ignoredColumns }} mapping={mapping} onChange={setMapping} testPrefix="register" />
                  <Button disabled={!mappingChanged || busy} onClick={() => props.onRecheck({ ...props.choice, sheet: layout.sheet, mapping })} data-testid="register-recheck">
                    {t('recheck')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      {errors.length > 0 && <Alert type="error" showIcon title={t('problemsFound', { errors: errors.length, warnings: warnings.length })} />}
      {errors.length === 0 && warnings.length > 0 && <Alert type="info" showIcon title={t('warningsOnly', { warnings: warnings.length })} />}
      {check.problems.length > 0 ? <ProblemsTable problems={check.problems} testId="import-problems" /> : <Typography.Text type="secondary">{t('noProblems')}</Typography.Text>}
    </Space>
  );
}
