import { App, Button, Flex, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../../shared/api';
import { restrictionText } from '../../../../../shared/domain/policy';
import { api } from '../../../api/client';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { IndustrySelect } from '../../../components/pickers';
import { policyMessages } from '../../../components/policy/messages';

type Measure = MethodOutput<'policy.measures'>['measures'][number];
type Coverage = 'full' | 'partial' | 'none' | null;

/** The negative list as loaded: each measure, its text as published, and the industries it touches (correctable). */
export function MeasuresTable() {
  const t = useT(policyMessages);
  const { message } = App.useApp();
  const [data, setData] = useState<MethodOutput<'policy.measures'> | null>(null);
  const [editing, setEditing] = useState<Measure | null>(null);
  const load = useCallback(() => void api.call('policy.measures', {}).then(setData, (e) => message.error(errorText(e))), [message]);
  useEffect(load, [load]);

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {data?.version && t('listVersion', { version: data.version })}　{t('textCheckHelp')}
      </Typography.Paragraph>
      <Table<Measure>
        size="small"
        rowKey={(m) => `${m.edition}:${m.no}`}
        loading={!data}
        dataSource={data?.measures ?? []}
        pagination={false}
        scroll={{ y: 'calc(100vh - 330px)' }}
        data-testid="measures-table"
        columns={[
          { title: t('colNo'), dataIndex: 'no', width: 56 },
          {
            title: t('colKind'),
            width: 120,
            render: (_, m) => (
              <Space orientation="vertical" size={2}>
                <Tag color={m.kind === 'prohibited' ? 'red' : 'orange'}>{t(`kind.${m.kind}`)}</Tag>
                {m.kind === 'restricted' && <Typography.Text style={{ fontSize: 12 }}>{restrictionText(m.restriction, m.equityCap)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('colText'),
            render: (_, m) => (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.section}
                </Typography.Text>
                <div>{m.text}</div>
                {m.textCheck !== 'read' && (
                  <Tooltip title={m.textSource}>
                    <Tag color="warning" style={{ marginTop: 4 }}>
                      {t(`textCheck.${m.textCheck}` as 'textCheck.read')}
                    </Tag>
                  </Tooltip>
                )}
              </>
            ),
          },
          {
            title: t('colClasses'),
            width: 340,
            render: (_, m) => (
              <Flex wrap gap={4}>
                {m.classes.map((c) => (
                  <Tooltip key={c.industryCode} title={[c.note, c.basis === 'judgement' && t('judgement'), c.edited && t('edited', { reason: c.edited })].filter(Boolean).join('；')}>
                    <Tag color={c.edited ? 'blue' : c.coverage === 'full' ? 'default' : undefined} bordered={c.coverage === 'full'} style={{ marginInlineEnd: 0 }}>
                      {c.industryCode} {c.industryName}
                      {c.coverage === 'partial' ? `（${t('coveragePartial')}）` : ''}
                    </Tag>
                  </Tooltip>
                ))}
                <Button size="small" type="link" onClick={() => setEditing(m)} data-testid={`edit-measure-${m.no}`}>
                  {t('editClasses')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <EditClassesModal
        measure={editing}
        onClose={() => setEditing(null)}
        onSaved={(m) => {
          setEditing(m);
          setData((d) => d && { ...d, measures: d.measures.map((x) => (x.edition === m.edition && x.no === m.no ? m : x)) });
        }}
      />
    </>
  );
}

function EditClassesModal({ measure, onClose, onSaved }: { measure: Measure | null; onClose(): void; onSaved(m: Measure): void }) {
  const t = useT(policyMessages);
  const { message } = App.useApp();
  const [code, setCode] = useState<string | null>(null);
  const [coverage, setCoverage] = useState<'full' | 'partial'>('partial');
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [measure?.no]);
  if (!measure) return null;
  const save = (industryCode: string, c: Coverage) => {
    if (c !== null && !reason.trim()) return void message.warning(t('overrideReasonRequired'));
    void api.call('policy.editMeasureClass', { edition: measure.edition, no: measure.no, industryCode, coverage: c, reason }).then(onSaved, (e) => message.error(errorText(e)));
  };
  return (
    <Modal open title={t('editTitle', { no: measure.no })} footer={null} onCancel={onClose} width={680} destroyOnHidden>
      <Typography.Paragraph>{measure.text}</Typography.Paragraph>
      <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('editReason')} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} style={{ marginBottom: 12 }} data-testid="measure-edit-reason" />
      <Table
        size="small"
        rowKey="industryCode"
        pagination={false}
        dataSource={measure.classes}
        columns={[
          { title: t('colClasses'), render: (_, c) => `${c.industryCode} ${c.industryName}` },
          {
            title: t('coverage'),
            width: 150,
            render: (_, c) => (
              <Select
                size="small"
                value={c.coverage}
                onChange={(v) => save(c.industryCode, v)}
                options={[
                  { value: 'full', label: t('coverageFull') },
                  { value: 'partial', label: t('coveragePartial') },
                ]}
              />
            ),
          },
          {
            width: 170,
            render: (_, c) => (
              <Space>
                <Button size="small" danger onClick={() => save(c.industryCode, 'none')}>
                  {t('remove')}
                </Button>
                {c.edited && (
                  <Button size="small" onClick={() => save(c.industryCode, null)}>
                    {t('restore')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Space.Compact block style={{ marginTop: 12 }}>
        <IndustrySelect level="class" placeholder={t('addClass')} value={code} onChange={(v) => setCode((v as string | null) ?? null)} style={{ flex: 1 }} />
        <Select
          value={coverage}
          onChange={setCoverage}
          style={{ width: 130 }}
          options={[
            { value: 'full', label: t('coverageFull') },
            { value: 'partial', label: t('coveragePartial') },
          ]}
        />
        <Button type="primary" disabled={!code} onClick={() => code && save(code, coverage)}>
          {t('addClass')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
