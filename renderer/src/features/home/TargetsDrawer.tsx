import { App, Button, Drawer, Form, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Target } from '../../../../shared/api/dashboard';
import { STANDARD_INDICATOR_CODES, STANDARD_INDICATORS } from '../../../../shared/domain/indicator';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useDashboardStore } from '../../stores/dashboard';
import { dashboardMessages } from './messages';

interface Row {
  indicator: string;
  label: string;
  unit: string;
  target: Target | null;
  custom: boolean;
}

/** One line per indicator: type the target and press 设定 (or Enter); custom lines also take the figure reached. */
function TargetRow({ row, year }: { row: Row; year: number }) {
  const t = useT(dashboardMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const setTarget = useDashboardStore((s) => s.setTarget);
  const deleteTarget = useDashboardStore((s) => s.deleteTarget);
  const [value, setValue] = useState<number | null>(row.target?.value ?? null);
  const [actual, setActual] = useState<number | null>(row.target?.actual ?? null);
  const save = async () => {
    if (value === null) return void message.warning(t('valueRequired'));
    try {
      await setTarget({ year, indicator: row.indicator, value, ...(row.custom ? { actual } : {}) });
      message.success(t('targetSaved'));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const clear = async () => {
    try {
      await deleteTarget(row.indicator);
      setValue(null);
      message.success(t('targetDeleted'));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Space wrap data-testid={`target-row-${row.indicator}`}>
      <InputNumber
        min={0}
        max={row.unit === '%' ? 100 : undefined}
        value={value}
        onChange={(v) => setValue(v)}
        onPressEnter={save}
        style={{ width: 150 }}
        data-testid="target-value"
        suffix={row.unit}
      />
      {row.custom && (
        <InputNumber min={0} value={actual} onChange={(v) => setActual(v)} placeholder={t('actualTyped')} style={{ width: 130 }} data-testid="target-actual" />
      )}
      <Button type="primary" onClick={save} data-testid="target-save">
        {t('setTarget')}
      </Button>
      {row.target && (
        <Popconfirm title={ts('confirmDelete', { name: row.label })} onConfirm={clear}>
          <Button>{t('clearTarget')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function AddCustom({ year }: { year: number }) {
  const t = useT(dashboardMessages);
  const { message } = App.useApp();
  const setTarget = useDashboardStore((s) => s.setTarget);
  const [form] = Form.useForm<{ name: string; unit: string; value: number }>();
  const submit = async ({ name, unit, value }: { name: string; unit: string; value: number }) => {
    try {
      await setTarget({ year, indicator: `custom:${name.trim()}`, label: name.trim(), unit: unit?.trim() ?? '', value });
      form.resetFields();
      message.success(t('targetSaved'));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={submit} data-testid="add-custom-target">
      <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 30 }]}>
        <Input placeholder={t('customNameHelp')} style={{ width: 200 }} data-testid="custom-name" />
      </Form.Item>
      <Form.Item name="unit" rules={[{ max: 10 }]}>
        <Input placeholder={t('customUnit')} style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name="value" rules={[{ required: true, message: t('valueRequired') }]}>
        <InputNumber min={0} placeholder={t('targetValue')} style={{ width: 120 }} data-testid="custom-value" />
      </Form.Item>
      <Button htmlType="submit">{t('addCustom')}</Button>
    </Form>
  );
}

export function TargetsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(dashboardMessages);
  const year = useDashboardStore((s) => s.year);
  const targets = useDashboardStore((s) => s.targets);
  const byIndicator = new Map(targets.map((x) => [x.indicator, x]));
  const rows: Row[] = [
    ...STANDARD_INDICATOR_CODES.map((code) => ({
      indicator: code,
      label: STANDARD_INDICATORS[code].name,
      unit: STANDARD_INDICATORS[code].unit,
      target: byIndicator.get(code) ?? null,
      custom: false,
    })),
    ...targets
      .filter((x) => x.indicator.startsWith('custom:'))
      .map((x) => ({ indicator: x.indicator, label: x.label, unit: x.unit, target: x, custom: true })),
  ];
  return (
    <Drawer open={open} onClose={onClose} size="large" title={t('targetsTitle', { year })} data-testid="targets-drawer" destroyOnHidden>
      <Table<Row>
        rowKey="indicator"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('indicator'), dataIndex: 'label', width: 200, render: (label: string) => <Typography.Text>{label}</Typography.Text> },
          { title: t('targetValue'), key: 'edit', render: (_, row) => <TargetRow key={`${year}-${row.indicator}-${row.target?.value ?? ''}`} row={row} year={year} /> },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <AddCustom year={year} />
      </div>
    </Drawer>
  );
}
