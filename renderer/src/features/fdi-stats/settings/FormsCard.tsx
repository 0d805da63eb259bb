import { App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { STATS_TABLE_IDS, type StatsTableId } from '../../../../../shared/api/stats';
import { FORM_FIELDS, SIGNATURE_FIELDS, type FormField, type StatsSettings } from '../../../../../shared/api/statsSettings';
import { api } from '../../../api/client';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { statsTablesMessages } from '../tables/messages';
import { statsSettingsMessages } from './messages';

/** Each table's official form details and the signature line, blank until the bureau fills them. */
export function FormsCard({ settings, onSaved }: { settings: StatsSettings; onSaved(): void }) {
  const t = useT(statsSettingsMessages);
  const tt = useT(statsTablesMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Pick<StatsSettings, 'forms' | 'signature'>>();
  const save = (v: Pick<StatsSettings, 'forms' | 'signature'>) =>
    api.call('stats.saveSettings', v).then(
      () => {
        message.success(t('saved'));
        onSaved();
      },
      (e) => message.error(errorText(e)),
    );
  const fields = Object.keys(FORM_FIELDS) as FormField[];
  return (
    <Card size="small" title={t('formsTitle')} data-testid="settings-forms">
      <Typography.Paragraph type="secondary">{t('formsHelp')}</Typography.Paragraph>
      <Form form={form} initialValues={{ forms: settings.forms, signature: settings.signature }} onFinish={(v) => void save(v)}>
        <Table<{ id: StatsTableId }>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={STATS_TABLE_IDS.map((id) => ({ id }))}
          columns={[
            { title: t('table'), key: 'table', width: 120, fixed: 'left', render: (_, r) => tt(`table.${r.id}`) },
            ...fields.map((f) => ({
              title: FORM_FIELDS[f],
              key: f,
              width: f === 'validUntil' ? 120 : 160,
              render: (_: unknown, r: { id: StatsTableId }) => (
                <Form.Item name={['forms', r.id, f]} noStyle>
                  <Input size="small" data-testid={`form-${r.id}-${f}`} />
                </Form.Item>
              ),
            })),
          ]}
        />
        <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
          {t('signatureTitle')}
        </Typography.Text>
        <Space wrap>
          {(Object.keys(SIGNATURE_FIELDS) as Array<keyof typeof SIGNATURE_FIELDS>).map((k) => (
            <Form.Item key={k} name={['signature', k]} label={SIGNATURE_FIELDS[k]} style={{ marginBottom: 8 }}>
              <Input style={{ width: 150 }} />
            </Form.Item>
          ))}
        </Space>
        <div>
          <Button type="primary" htmlType="submit" data-testid="forms-save">
            {t('save')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
