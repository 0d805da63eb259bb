import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import type { ChainSummary } from '../../../../../shared/api/chains';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { shellMessages } from '../../../i18n/shell';
import { useChainsStore } from '../../../stores/chains';
import { chainsMessages } from '../messages';

/** The chain's own properties: name, chain chief (链长), strong threshold (changes every status at once), notes. */
export function ChainSettingsModal({ chain, open, onClose }: { chain: ChainSummary; open: boolean; onClose: () => void }) {
  const t = useT(chainsMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; owner: string; threshold: number; description: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ name: chain.name, owner: chain.owner, threshold: chain.threshold, description: chain.description });
  }, [open, chain, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await useChainsStore.getState().update({ id: chain.id, name: v.name.trim(), owner: v.owner?.trim() ?? '', threshold: v.threshold, description: v.description?.trim() ?? '' });
      message.success(ts('saved'));
      onClose();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Modal open={open} title={t('chainSettings')} onOk={() => void submit()} onCancel={onClose} okText={ts('save')} cancelText={ts('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="owner" label={t('owner')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="threshold" label={t('threshold')} extra={t('thresholdHelp')}>
          <InputNumber min={1} max={99} data-testid="chain-threshold" />
        </Form.Item>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
