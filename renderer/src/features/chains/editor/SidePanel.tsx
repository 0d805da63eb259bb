import { App, Button, Card, Descriptions, Form, Input, List, Popconfirm, Radio, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { Target } from '../../../../../shared/api/chains';
import { SEGMENT_STATUS_CODES, type SegmentStatus } from '../../../../../shared/domain/chain';
import type { ChainGapAnalysis } from '../../../../../shared/rules/gap';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { shellMessages } from '../../../i18n/shell';
import { useChainsStore } from '../../../stores/chains';
import { chainsMessages } from '../messages';
import { StatusIcon } from '../StatusIcon';
import { FirmModal } from './FirmModal';
import type { EditHistory } from './history';
import { TargetModal, targetStatusColor } from './TargetModal';
import { useGraphLabels } from './labels';
import { useCountryNames } from '../useCountryNames';
import { PolicyTag } from '../../../components/policy/PolicyTag';

/** The selected segment: its properties, why it has its status (and an override with a reason), firms, targets. */
export function SidePanel({ segmentId, analysis, history }: { segmentId: number; analysis: ChainGapAnalysis; history: EditHistory }) {
  const t = useT(chainsMessages);
  const td = useT(domainMessages);
  const ts = useT(shellMessages);
  const labels = useGraphLabels();
  const countryName = useCountryNames();
  const { message } = App.useApp();
  const detail = useChainsStore((s) => s.detail)!;
  const segment = detail.segments.find((s) => s.id === segmentId);
  const gap = analysis.segments.find((g) => g.segmentId === segmentId);
  const [form] = Form.useForm<{ name: string; tier: string; parentId: number | null; notes: string }>();
  const [overrideStatus, setOverrideStatus] = useState<SegmentStatus>(segment?.override?.status ?? 'strong');
  const [overrideReason, setOverrideReason] = useState(segment?.override?.reason ?? '');
  const [firmOpen, setFirmOpen] = useState(false);
  const [editingTarget, setEditingTarget] = useState<Partial<Target> | null>(null);
  // the segment may change under the form (dropped into another lane, undone, redone): the form shows it as it is,
  // so that leaving a field does not save the old stage back
  const name = segment?.name;
  const tier = segment?.tier;
  const parentId = segment?.parentId;
  const notes = segment?.notes;
  useEffect(() => {
    if (name !== undefined) form.setFieldsValue({ name, tier, parentId, notes });
  }, [form, name, tier, parentId, notes]);
  if (!segment || !gap) return null;

  const firms = detail.firms.filter((f) => f.segmentId === segmentId);
  const targets = detail.targets.filter((x) => x.segmentId === segmentId);
  const projects = detail.projects.filter((p) => p.segmentId === segmentId);
  const fail = (err: unknown) => message.error(errorText(err));

  const saveProps = async () => {
    const v = await form.validateFields();
    const before = { name: segment.name, parentId: segment.parentId, tier: segment.tier, notes: segment.notes };
    const after = { name: v.name.trim(), parentId: v.parentId ?? null, tier: v.tier, notes: v.notes ?? '' };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    try {
      await history.apply([{ op: 'segment.update', id: segment.id, ...after }], t('opEdit'));
      message.success(ts('saved'));
    } catch (err) {
      fail(err);
    }
  };

  // a segment cannot move under itself or one of its own sub-segments
  const descendants = new Set<number>([segmentId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of detail.segments) {
      if (s.parentId !== null && descendants.has(s.parentId) && !descendants.has(s.id)) {
        descendants.add(s.id);
        grew = true;
      }
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('segment')}>
        <Form
          form={form}
          layout="vertical"
          size="small"
          initialValues={{ name: segment.name, tier: segment.tier, parentId: segment.parentId, notes: segment.notes }}
          onFinish={() => void saveProps()}
        >
          <Form.Item name="name" label={t('segmentName')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
            <Input maxLength={60} data-testid="segment-name" onBlur={() => void saveProps()} onPressEnter={() => void saveProps()} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="tier" label={t('tier')} style={{ width: '40%' }}>
              <Select options={detail.chain.tiers.map((x) => ({ value: x, label: labels.tier(x) }))} onChange={() => void saveProps()} />
            </Form.Item>
            <Form.Item name="parentId" label={t('parent')} style={{ width: '60%' }}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('none')}
                options={detail.segments.filter((s) => !descendants.has(s.id)).map((s) => ({ value: s.id, label: s.name }))}
                onChange={() => void saveProps()}
              />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="notes" label={t('notes')} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} onBlur={() => void saveProps()} />
          </Form.Item>
        </Form>
      </Card>

      <Card
        size="small"
        title={
          <Space>
            <StatusIcon status={gap.status} size={20} />
            <span data-testid="panel-status">
              {t('status')}：{td(`segmentStatus.${gap.status}`)}
              {gap.overridden ? `（${t('overridden')}）` : ''}
            </span>
          </Space>
        }
      >
        <Typography.Paragraph data-testid="status-reason" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('why')}：</Typography.Text>
          {gap.reason}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('override')}</Typography.Text>
        <Space orientation="vertical" style={{ width: '100%', marginTop: 4 }}>
          <Radio.Group
            size="small"
            value={overrideStatus}
            onChange={(e) => setOverrideStatus(e.target.value as SegmentStatus)}
            options={SEGMENT_STATUS_CODES.map((s) => ({ value: s, label: td(`segmentStatus.${s}`) }))}
            optionType="button"
          />
          <Input.TextArea value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} placeholder={t('overrideReason')} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} data-testid="override-reason" />
          <Space>
            <Button
              size="small"
              onClick={() => {
                if (!overrideReason.trim()) return void message.warning(t('overrideReasonRequired'));
                void history.apply([{ op: 'segment.override', id: segmentId, override: { status: overrideStatus, reason: overrideReason.trim() } }], t('opOverride')).catch(fail);
              }}
              data-testid="override-save"
            >
              {t('overrideSave')}
            </Button>
            {segment.override && (
              <Button size="small" onClick={() => void history.apply([{ op: 'segment.override', id: segmentId, override: null }], t('opOverride')).then(() => setOverrideReason(''), fail)}>
                {t('overrideClear')}
              </Button>
            )}
          </Space>
        </Space>
      </Card>

      <Card
        size="small"
        title={`${t('firms')}（${firms.length}）`}
        extra={
          <Button size="small" icon={<PlusOutlined />} onClick={() => setFirmOpen(true)} data-testid="add-firm">
            {t('addFirm')}
          </Button>
        }
      >
        <List
          size="small"
          dataSource={firms}
          data-testid="firm-list"
          renderItem={(f) => (
            <List.Item
              actions={[
                <Popconfirm key="d" title={ts('confirmDelete', { name: f.companyName })} onConfirm={() => void history.apply([{ op: 'firm.delete', id: f.id }], t('opFirmDelete')).catch(fail)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} />
                </Popconfirm>,
              ]}
            >
              <Space>
                <Tag color={f.role === 'leader' ? 'gold' : f.role === 'backbone' ? 'blue' : undefined}>{td(`firmRole.${f.role}`)}</Tag>
                <span>{f.companyName}</span>
              </Space>
            </List.Item>
          )}
        />
      </Card>

      <Card
        size="small"
        title={`${t('targets')}（${targets.length}）`}
        extra={
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditingTarget({ segmentId })} data-testid="add-target">
            {t('addTarget')}
          </Button>
        }
      >
        <List
          size="small"
          dataSource={targets}
          data-testid="target-list"
          renderItem={(x) => (
            <List.Item
              actions={[
                <Button key="e" size="small" type="text" icon={<EditOutlined />} onClick={() => setEditingTarget(x)} />,
                <Popconfirm key="d" title={ts('confirmDelete', { name: x.company })} onConfirm={() => void history.apply([{ op: 'target.delete', id: x.id }], t('opTargetDelete')).catch(fail)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} />
                </Popconfirm>,
              ]}
            >
              <Space orientation="vertical" size={0}>
                <Space>
                  <Tag color={targetStatusColor(x.status)}>{td(`targetStatus.${x.status}`)}</Tag>
                  <span>{x.company}</span>
                  <PolicyTag policy={x.policy} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[countryName(x.countryCode), td(`priority.${x.priority}`), x.owner, x.lastContact ? `${t('lastContact')} ${x.lastContact}` : ''].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>

      {projects.length > 0 && (
        <Card size="small" title={t('segmentProjects')}>
          <Descriptions size="small" column={1} items={projects.map((p) => ({ key: p.projectId, label: p.name, children: td(`stage.${p.stage}`) }))} />
        </Card>
      )}

      <FirmModal open={firmOpen} segmentId={segmentId} apply={history.apply} onClose={() => setFirmOpen(false)} />
      <TargetModal target={editingTarget} apply={history.apply} onClose={() => setEditingTarget(null)} />
    </Space>
  );
}
