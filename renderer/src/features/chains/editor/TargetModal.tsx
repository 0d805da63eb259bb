import { App, DatePicker, Form, Input, List, Modal, Select, Space, Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../../shared/api';
import type { Target, TargetContact } from '../../../../../shared/api/chains';
import { TARGET_PRIORITY_CODES, TARGET_STATUS_CODES, type TargetStatus } from '../../../../../shared/domain/chain';
import { api } from '../../../api/client';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { shellMessages } from '../../../i18n/shell';
import { useChainsStore } from '../../../stores/chains';
import { chainsMessages } from '../messages';
import type { EditHistory } from './history';
import { IndustrySelect } from '../../../components/pickers';
import { PolicyPanel } from '../../../components/policy/PolicyPanel';
import { policyMessages } from '../../../components/policy/messages';

export const targetStatusColor = (status: TargetStatus) =>
  ({ untouched: 'default', contacted: 'processing', negotiating: 'orange', signed: 'cyan', landed: 'green' })[status];

type Country = MethodOutput<'reference.listCountries'>[number];
let countryCache: Country[] | null = null;

interface Values {
  company: string;
  countryCode?: string | null;
  headquarters?: string;
  rationale?: string;
  priority: Target['priority'];
  status: Target['status'];
  owner?: string;
  projectId?: number | null;
  industryCode?: string | null;
}

/** Adds or edits a target to attract, with its contact log (for a saved target). */
export function TargetModal({ target, apply, onClose }: { target: Partial<Target> | null; apply: EditHistory['apply']; onClose: () => void }) {
  const t = useT(chainsMessages);
  const td = useT(domainMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [countries, setCountries] = useState<Country[]>(countryCache ?? []);
  const [projects, setProjects] = useState<MethodOutput<'chains.projectOptions'>>([]);
  const [contacts, setContacts] = useState<TargetContact[]>([]);
  const [note, setNote] = useState('');
  const [day, setDay] = useState(dayjs());
  const [industry, setIndustry] = useState<{ code: string; name: string } | null>(null);
  const tp = useT(policyMessages);
  const open = target !== null;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ priority: 'medium', status: 'untouched', ...target } as Values);
    if (!countryCache) void api.call('reference.listCountries', {}).then((c) => setCountries((countryCache = c)));
    void api.call('chains.projectOptions', { query: '', limit: 50 }).then(setProjects, () => setProjects([]));
    setContacts([]);
    if (target?.id) void api.call('chains.listContacts', { targetId: target.id }).then(setContacts);
    setIndustry(null);
    const code = target?.industryCode;
    if (code) void api.call('reference.searchIndustries', { query: code, limit: 1 }).then(([i]) => i?.code === code && setIndustry(i));
  }, [open, target, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const segmentId = target?.segmentId;
      if (segmentId === undefined) return;
      const fields = {
        segmentId,
        company: v.company.trim(),
        countryCode: v.countryCode ?? null,
        headquarters: v.headquarters ?? '',
        rationale: v.rationale ?? '',
        priority: v.priority,
        status: v.status,
        owner: v.owner ?? '',
        projectId: v.projectId ?? null,
        industryCode: v.industryCode ?? null,
      };
      if (target?.id) await apply([{ op: 'target.update', id: target.id, ...fields }], t('opTargetEdit'));
      else await apply([{ op: 'target.add', ...fields }], t('opTargetAdd'));
      onClose();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const addContact = async () => {
    if (!target?.id || !note.trim()) return;
    try {
      const c = await api.call('chains.addContact', { targetId: target.id, date: day.format('YYYY-MM-DD'), notes: note.trim() });
      setContacts([c, ...contacts]);
      setNote('');
      const current = useChainsStore.getState().detail?.targets.find((x) => x.id === target.id);
      if (current) useChainsStore.getState().refreshTarget({ ...current, contacts: current.contacts + 1, lastContact: current.lastContact && current.lastContact > c.date ? current.lastContact : c.date });
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Modal open={open} title={target?.id ? t('editTarget') : t('addTarget')} onOk={() => void submit()} onCancel={onClose} okText={ts('save')} cancelText={ts('cancel')} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" size="middle">
        <Form.Item name="company" label={t('company')} rules={[{ required: true, whitespace: true, message: t('companyRequired') }]}>
          <Input maxLength={100} data-testid="target-company" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="countryCode" label={t('country')} style={{ width: '50%' }}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={countries.map((c) => ({ value: c.code, label: c.name }))} data-testid="target-country" />
          </Form.Item>
          <Form.Item name="headquarters" label={t('headquarters')} style={{ width: '50%' }}>
            <Input maxLength={100} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="priority" label={t('priority')} style={{ width: '33%' }}>
            <Select options={TARGET_PRIORITY_CODES.map((p) => ({ value: p, label: td(`priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('targetStatus')} style={{ width: '33%' }}>
            <Select options={TARGET_STATUS_CODES.map((s) => ({ value: s, label: td(`targetStatus.${s}`) }))} data-testid="target-status" />
          </Form.Item>
          <Form.Item name="owner" label={t('targetOwner')} style={{ width: '34%' }}>
            <Input maxLength={40} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="rationale" label={t('rationale')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="industryCode" label={t('targetIndustry')} style={{ width: '50%' }}>
            <IndustrySelect initial={industry} placeholder={t('targetIndustryHelp')} data-testid="target-industry" />
          </Form.Item>
          <Form.Item name="projectId" label={t('project')} style={{ width: '50%' }}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={projects.map((p) => ({ value: p.id, label: `${p.name}（${td(`stage.${p.stage}`)}）` }))} />
          </Form.Item>
        </Space.Compact>
      </Form>
      {target?.id && (
        <>
          <Typography.Title level={5}>{tp('access')}</Typography.Title>
          <PolicyPanel
            key={target.industryCode ?? ''}
            entity="target"
            id={target.id}
            onChanged={(d) => {
              const current = useChainsStore.getState().detail?.targets.find((x) => x.id === target.id);
              if (current) useChainsStore.getState().refreshTarget({ ...current, policy: d.effective });
            }}
          />
        </>
      )}
      {target?.id && (
        <>
          <Typography.Title level={5}>{t('contacts')}</Typography.Title>
          <Space.Compact block>
            <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} />
            <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('contactNotes')} maxLength={1000} onPressEnter={() => void addContact()} />
            <Button onClick={() => void addContact()}>{t('addContact')}</Button>
          </Space.Compact>
          <List
            size="small"
            locale={{ emptyText: t('noContacts') }}
            dataSource={contacts}
            renderItem={(c) => (
              <List.Item>
                <Typography.Text type="secondary">{c.date}</Typography.Text>　{c.notes}　<Typography.Text type="secondary">{c.by}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
