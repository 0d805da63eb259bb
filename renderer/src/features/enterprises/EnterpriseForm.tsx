import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { EnterpriseDetail, EnterpriseFields } from '../../../../shared/api/enterprises';
import { checkUscc, USCC_REASON_ZH } from '../../../../shared/rules/uscc';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useEnterpriseStore } from '../../stores/enterprises';
import { CountrySelect, DistrictSelect, IndustrySelect, PlatformSelect } from '../../components/pickers';
import { enterpriseMessages } from './messages';

type FormValues = Omit<EnterpriseFields, 'setupDate'> & { setupDate: Dayjs | null };

/** Creates or edits an enterprise; the 统一社会信用代码 is checked as typed, and the backend refuses a code in use. */
export function EnterpriseForm({ open, detail, onClose }: { open: boolean; detail: EnterpriseDetail | null; onClose(): void }) {
  const t = useT(enterpriseMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [usccWarning, setUsccWarning] = useState(false);
  const e = detail?.enterprise;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setUsccWarning(false);
    if (e) form.setFieldsValue({ ...e, setupDate: e.setupDate ? dayjs(e.setupDate) : null });
  }, [open, e, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name,
      uscc: v.uscc?.trim() || null,
      investor: v.investor ?? '',
      countryCode: v.countryCode ?? null,
      industryCode: v.industryCode ?? null,
      registeredCapital: v.registeredCapital ?? null,
      foreignShare: v.foreignShare ?? null,
      setupDate: v.setupDate ? v.setupDate.format('YYYY-MM-DD') : null,
      districtId: v.districtId ?? null,
      platformId: v.platformId ?? null,
      notes: v.notes ?? '',
    };
    setSaving(true);
    try {
      const store = useEnterpriseStore.getState();
      if (e) await store.update({ id: e.id, ...fields });
      else await store.create(fields);
      message.success(ts('saved'));
      onClose();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={e ? t('editEnterprise') : t('newEnterprise')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={ts('save')}
      cancelText={ts('cancel')}
      okButtonProps={{ 'data-testid': 'enterprise-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
              <Input maxLength={200} data-testid="enterprise-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="uscc"
              label={t('uscc')}
              extra={usccWarning ? t('usccWarning') : t('usccHelp')}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    setUsccWarning(false);
                    if (!value?.trim()) return;
                    const check = checkUscc(value);
                    if (!check.valid) throw new Error(USCC_REASON_ZH[check.reason]);
                    setUsccWarning(check.warnings.length > 0);
                  },
                },
              ]}
            >
              <Input maxLength={30} data-testid="enterprise-uscc" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="investor" label={t('investor')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="countryCode" label={t('country')}>
              <CountrySelect />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="industryCode" label={t('industry')}>
              <IndustrySelect level="class" initial={e?.industryCode ? { code: e.industryCode, name: e.industryName ?? '' } : null} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="registeredCapital" label={t('registeredCapital')}>
              <InputNumber min={0} precision={4} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="setupDate" label={t('setupDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="districtId" label={t('district')}>
              <DistrictSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="platformId" label={t('platform')}>
              <PlatformSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="foreignShare" label={t('foreignShare')} extra={t('foreignShareHelp')}>
              <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} data-testid="foreign-share" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('notes')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
