import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Table, Typography } from 'antd';
import type { FxRate } from '../../../../../shared/api/statsSettings';
import { api } from '../../../api/client';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { statsSettingsMessages } from './messages';

/** The bureau's USD/CNY rates, monthly or yearly, each with its source. */
export function RatesCard({ rates, onSaved }: { rates: FxRate[]; onSaved(): void }) {
  const t = useT(statsSettingsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ period: string; rate: number; source: string }>();
  const done = () => {
    message.success(t('saved'));
    onSaved();
  };
  const add = (v: { period: string; rate: number; source: string }) =>
    api.call('stats.saveRate', v).then(() => {
      form.resetFields(['period', 'rate']);
      done();
    }, (e) => message.error(errorText(e)));
  const remove = (period: string) => api.call('stats.deleteRate', { period }).then(done, (e) => message.error(errorText(e)));
  return (
    <Card size="small" title={t('ratesTitle')} data-testid="settings-rates">
      <Typography.Paragraph type="secondary">{t('ratesHelp')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="period" rules={[{ required: true, pattern: /^\d{4}(-(0[1-9]|1[0-2]))?$/, message: t('ratePeriod') }]}>
          <Input placeholder={t('ratePeriod')} style={{ width: 190 }} data-testid="rate-period" />
        </Form.Item>
        <Form.Item name="rate" rules={[{ required: true, message: t('required') }]}>
          <InputNumber placeholder={t('rate')} min={1} max={99} step={0.0001} style={{ width: 150 }} data-testid="rate-value" />
        </Form.Item>
        <Form.Item name="source" rules={[{ required: true, message: t('required') }]}>
          <Input placeholder={t('rateSource')} style={{ width: 260 }} data-testid="rate-source" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="rate-save">
          {t('addRate')}
        </Button>
      </Form>
      <Table<FxRate>
        size="small"
        rowKey="period"
        dataSource={rates}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { title: t('ratePeriod'), dataIndex: 'period', width: 150 },
          { title: t('rate'), dataIndex: 'rate', width: 130, align: 'right' },
          { title: t('rateSource'), dataIndex: 'source', ellipsis: true },
          { title: t('updatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          {
            key: 'delete',
            width: 70,
            render: (_, r) => (
              <Popconfirm title={`${t('delete')} ${r.period}?`} onConfirm={() => void remove(r.period)}>
                <Button size="small" type="link" danger>
                  {t('delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
