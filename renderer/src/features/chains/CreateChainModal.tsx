import { App, Form, Input, InputNumber, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useAppStore } from '../../stores/app';
import { useChainsStore } from '../../stores/chains';
import { chainsMessages } from './messages';

/** New chain: blank, or from one of the templates — which are labelled as starting points, not an authority. */
export function CreateChainModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(chainsMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const templates = useChainsStore((s) => s.templates);
  const [form] = Form.useForm<{ name: string; owner: string; threshold: number; template: string }>();
  useEffect(() => {
    if (open) void useChainsStore.getState().loadTemplates();
  }, [open]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const chain = await useChainsStore.getState().create({ name: v.name.trim(), owner: v.owner?.trim() ?? '', threshold: v.threshold, template: v.template || null });
      message.success(t('created', { name: chain.name }));
      onClose();
      useAppStore.getState().navigate('chains', [chain.id]);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Modal open={open} title={t('newChain')} onOk={() => void submit()} onCancel={onClose} okText={ts('save')} cancelText={ts('cancel')} destroyOnHidden width={620}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ threshold: 3, template: '' }}
        onValuesChange={(changed: { template?: string }) => {
          const tpl = templates.find((x) => x.key === changed.template);
          if (tpl && !form.getFieldValue('name')) form.setFieldValue('name', tpl.name);
        }}
      >
        <Form.Item name="template" label={t('startFrom')}>
          <Radio.Group style={{ width: '100%' }} data-testid="chain-template">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Radio value="">{t('blank')}</Radio>
              {templates.map((tpl) => (
                <Radio key={tpl.key} value={tpl.key} data-testid={`template-${tpl.key}`}>
                  <Space orientation="vertical" size={0}>
                    <Space>
                      <strong>{tpl.name}</strong>
                      <Tag color="blue">{t('templateSegments', { count: tpl.segments })}</Tag>
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {tpl.note}
                    </Typography.Text>
                  </Space>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Typography.Paragraph type="warning" style={{ fontSize: 12 }}>
          {t('templateNote')}
        </Typography.Paragraph>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
          <Input maxLength={60} data-testid="chain-name" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="owner" label={t('owner')} style={{ width: '60%' }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="threshold" label={t('threshold')} tooltip={t('thresholdHelp')} style={{ width: '40%' }}>
            <InputNumber min={1} max={99} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
      </Form>
    </Modal>
  );
}
