import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Cascader, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ProjectDetail, ProjectFields } from '../../../../shared/api/projects';
import { PROJECT_PRIORITY_CODES, PROJECT_STAGE_CODES, type ProjectStage } from '../../../../shared/domain/project';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { shellMessages } from '../../i18n/shell';
import { useProjectStore } from '../../stores/projects';
import { projectMessages } from './messages';
import { CountrySelect, DistrictSelect, EnterpriseSelect, IndustrySelect, PlatformSelect } from '../../components/pickers';

type DateKey = 'firstContactDate' | 'signedDate' | 'registeredDate' | 'constructionDate' | 'operationDate';
const DATE_KEYS: DateKey[] = ['firstContactDate', 'signedDate', 'registeredDate', 'constructionDate', 'operationDate'];

type FormValues = Omit<ProjectFields, DateKey | 'plan' | 'segmentIds'> & {
  [K in DateKey]: Dayjs | null;
} & {
  plan: { month: Dayjs | null; amount: number | null }[];
  segments: number[][];
  stage: ProjectStage;
  stageDate: Dayjs | null;
};

const day = (s: string | null) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Creates a project (`detail` null) or edits one. The stage is set here only on creation; later it moves in the drawer. */
export function ProjectForm({ open, detail, onClose }: { open: boolean; detail: ProjectDetail | null; onClose(): void }) {
  const t = useT(projectMessages);
  const ts = useT(shellMessages);
  const td = useT(domainMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const options = useProjectStore((s) => s.options);
  const reinvestment = Form.useWatch('reinvestment', form);
  const p = detail?.project;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (!p || !detail) {
      form.setFieldsValue({ stage: 'lead', stageDate: dayjs(), priority: 'normal', reinvestment: false, plan: [], segments: [] });
      return;
    }
    form.setFieldsValue({
      ...p,
      ...Object.fromEntries(DATE_KEYS.map((k) => [k, day(p[k])])),
      plan: detail.plan.map((e) => ({ month: dayjs(`${e.period}-01`), amount: e.amount })),
      segments: detail.segments.map((s) => [s.chainId, s.id]),
    } as Partial<FormValues>);
  }, [open, p, detail, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const fields: Omit<ProjectFields, 'name'> & { name: string } = {
      name: v.name,
      investor: v.investor ?? '',
      countryCode: v.countryCode ?? null,
      industryCode: v.industryCode ?? null,
      districtId: v.districtId ?? null,
      platformId: v.platformId ?? null,
      totalInvestment: v.totalInvestment ?? null,
      contractedFdi: v.contractedFdi ?? null,
      reinvestment: !!v.reinvestment,
      reinvestEnterpriseId: v.reinvestment ? (v.reinvestEnterpriseId ?? null) : null,
      enterpriseId: v.enterpriseId ?? null,
      priority: v.priority,
      ownerUnit: v.ownerUnit ?? '',
      ownerPerson: v.ownerPerson ?? '',
      leader: v.leader ?? '',
      notes: v.notes ?? '',
      ...(Object.fromEntries(DATE_KEYS.map((k) => [k, iso(v[k])])) as Record<DateKey, string | null>),
      plan: (v.plan ?? []).filter((e) => e.month && e.amount !== null).map((e) => ({ period: e.month!.format('YYYY-MM'), amount: e.amount! })),
      segmentIds: (v.segments ?? []).filter((path) => path.length === 2).map((path) => path[1]!),
    };
    setSaving(true);
    try {
      const store = useProjectStore.getState();
      if (p) await store.update({ id: p.id, ...fields });
      else await store.create({ ...fields, stage: v.stage, stageDate: iso(v.stageDate) ?? undefined });
      message.success(ts('saved'));
      onClose();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const chainOptions = (options?.chains ?? []).map((c) => ({ value: c.id, label: c.name, children: c.segments.map((s) => ({ value: s.id, label: s.name })) }));

  return (
    <Modal
      open={open}
      width={900}
      title={p ? t('editProject') : t('newProject')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={ts('save')}
      cancelText={ts('cancel')}
      okButtonProps={{ 'data-testid': 'project-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="project-form">
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
              <Input maxLength={200} data-testid="project-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={t('priority')}>
              <Select options={PROJECT_PRIORITY_CODES.map((c) => ({ value: c, label: t(`priority.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="investor" label={t('investor')}>
              <Input maxLength={200} data-testid="project-investor" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="countryCode" label={t('country')}>
              <CountrySelect data-testid="project-country" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('industry')} extra={t('industryHelp')}>
              <IndustrySelect level="class" initial={p?.industryCode ? { code: p.industryCode, name: p.industryName ?? '' } : null} data-testid="project-industry" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="districtId" label={t('district')}>
              <DistrictSelect data-testid="project-district" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="platformId" label={t('platform')}>
              <PlatformSelect />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="totalInvestment" label={t('totalInvestment')}>
              <InputNumber min={0} precision={4} style={{ width: '100%' }} data-testid="project-total" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contractedFdi" label={t('contractedFdi')}>
              <InputNumber min={0} precision={4} style={{ width: '100%' }} data-testid="project-contracted" />
            </Form.Item>
          </Col>
          {!p && (
            <Col span={8}>
              <Space.Compact block>
                <Form.Item name="stage" label={t('initialStage')} style={{ width: '45%' }}>
                  <Select options={PROJECT_STAGE_CODES.map((c) => ({ value: c, label: td(`stage.${c}`) }))} data-testid="project-stage" />
                </Form.Item>
                <Form.Item name="stageDate" label={t('stageDate')} style={{ width: '55%' }}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Space.Compact>
            </Col>
          )}
          <Col span={6}>
            <Form.Item name="reinvestment" label={t('reinvestment')} valuePropName="checked">
              <Switch data-testid="project-reinvestment" />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="reinvestEnterpriseId" label={t('reinvestEnterprise')} extra={t('reinvestEnterpriseHelp')}>
              <EnterpriseSelect
                disabled={!reinvestment}
                placeholder={t('searchEnterprise')}
                initial={p?.reinvestEnterpriseId ? { id: p.reinvestEnterpriseId, name: p.reinvestEnterpriseName ?? '' } : null}
              />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="enterpriseId" label={t('enterprise')} extra={t('enterpriseHelp')}>
              <EnterpriseSelect placeholder={t('searchEnterprise')} initial={p?.enterpriseId ? { id: p.enterpriseId, name: p.enterpriseName ?? '' } : null} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ownerUnit" label={t('ownerUnit')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ownerPerson" label={t('ownerPerson')}>
              <Input maxLength={40} data-testid="project-owner" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leader" label={t('leader')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          {DATE_KEYS.map((k) => (
            <Col span={k === 'firstContactDate' ? 8 : 4} key={k}>
              <Form.Item name={k} label={t(k)}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          <Col span={24}>
            <Form.Item name="segments" label={t('segments')}>
              <Cascader multiple options={chainOptions} showCheckedStrategy={Cascader.SHOW_CHILD} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('plan')}>
              <Form.List name="plan">
                {(fields, { add, remove }) => (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item name={[field.name, 'month']} noStyle rules={[{ required: true }]}>
                          <DatePicker picker="month" placeholder={t('planMonth')} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'amount']} noStyle rules={[{ required: true }]}>
                          <InputNumber min={0} precision={4} placeholder={t('planAmount')} style={{ width: 180 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ month: null, amount: null })}>
                      {t('addPlanMonth')}
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('notes')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
