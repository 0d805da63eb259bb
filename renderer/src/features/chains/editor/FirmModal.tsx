import { App, Form, Input, Modal, Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../../shared/api';
import { FIRM_ROLE_CODES, type FirmRole } from '../../../../../shared/domain/chain';
import { api } from '../../../api/client';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { shellMessages } from '../../../i18n/shell';
import { chainsMessages } from '../messages';
import type { EditHistory } from './history';

type Option = MethodOutput<'chains.enterpriseOptions'>[number];

/** Adds a local firm to a segment: an enterprise from the register (searched by name or USCC), or a typed name. */
export function FirmModal({ open, segmentId, apply, onClose }: { open: boolean; segmentId: number; apply: EditHistory['apply']; onClose: () => void }) {
  const t = useT(chainsMessages);
  const td = useT(domainMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ enterpriseId?: number; companyName?: string; role: FirmRole }>();
  const [options, setOptions] = useState<Option[]>([]);
  const search = useCallback((query: string) => void api.call('chains.enterpriseOptions', { query, limit: 20 }).then(setOptions, () => setOptions([])), []);
  useEffect(() => {
    if (open) {
      form.resetFields();
      search('');
    }
  }, [open, form, search]);
  const submit = async () => {
    const v = await form.validateFields();
    if (!v.enterpriseId && !v.companyName?.trim()) return void message.warning(t('firmRequired'));
    try {
      await apply([{ op: 'firm.add', segmentId, enterpriseId: v.enterpriseId ?? null, companyName: v.companyName?.trim() ?? '', role: v.role }], t('opFirmAdd'));
      onClose();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Modal open={open} title={t('addFirm')} onOk={() => void submit()} onCancel={onClose} okText={ts('save')} cancelText={ts('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ role: 'supporting' }}>
        <Form.Item name="enterpriseId" label={t('firmFromRegister')}>
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: search }}
            placeholder={t('firmPick')}
            options={options.map((o) => ({ value: o.id, label: o.uscc ? `${o.name}（${o.uscc}）` : o.name }))}
            data-testid="firm-enterprise"
          />
        </Form.Item>
        <Form.Item name="companyName" label={t('firmTyped')}>
          <Input maxLength={100} data-testid="firm-name" />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={[{ required: true }]}>
          <Select options={FIRM_ROLE_CODES.map((r) => ({ value: r, label: td(`firmRole.${r}`) }))} data-testid="firm-role" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
