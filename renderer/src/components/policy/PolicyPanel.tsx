import { App, Button, Flex, Input, Modal, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { EncouragedItem, PolicyDetail } from '../../../../shared/api/policy';
import { ACCESS_STATUS_CODES, type AccessStatus, type PolicyEntity } from '../../../../shared/domain/policy';
import { api } from '../../api/client';
import { errorText } from '../ErrorAlert';
import { useT } from '../../i18n';
import { policyMessages } from './messages';
import { ACCESS_COLORS, PolicyTag } from './PolicyTag';

const itemLabel = (i: EncouragedItem) => `${i.regionName || '全国'}${i.no ? ` ${i.no}.` : ''} ${i.text}`;

/**
 * Market access of one project, target or enterprise: the status its industry gives, the measures concerned (with
 * their text), a person's judgement with its reason, and the 鼓励类 item chosen for it. `onChanged` gets the fresh
 * detail after a change, so the list the thing came from can show it.
 */
export function PolicyPanel({ entity, id, onChanged }: { entity: PolicyEntity; id: number; onChanged?(detail: PolicyDetail): void }) {
  const t = useT(policyMessages);
  const { message } = App.useApp();
  const [detail, setDetail] = useState<PolicyDetail | null>(null);
  const [judging, setJudging] = useState(false);
  const [found, setFound] = useState<EncouragedItem[] | null>(null);
  const [pick, setPick] = useState<number | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    let alive = true;
    setDetail(null);
    void api.call('policy.get', { entity, id }).then((d) => alive && setDetail(d), (e) => message.error(errorText(e)));
    return () => {
      alive = false;
    };
  }, [entity, id, message]);
  if (!detail) return <Spin size="small" />;

  const took = (d: PolicyDetail) => {
    setDetail(d);
    onChanged?.(d);
  };
  const run = (p: Promise<PolicyDetail>) => p.then(took, (e) => void message.error(errorText(e)));
  const search = (text: string) => {
    const mine = ++seq.current;
    if (!text.trim()) return setFound(null);
    void api.call('policy.searchEncouraged', { text, limit: 30 }).then((items) => mine === seq.current && setFound(items));
  };
  const options = [...(found ?? detail.candidates)];
  if (detail.chosen && !options.some((o) => o.id === detail.chosen!.id)) options.unshift(detail.chosen);
  const computed = detail.computed;

  return (
    <Flex vertical gap={8} data-testid="policy-panel">
      <Space wrap size={4}>
        <Typography.Text type="secondary">{t('computed')}：</Typography.Text>
        {!detail.industryCode ? (
          <Typography.Text type="secondary">{t('noIndustry')}</Typography.Text>
        ) : (
          <Tag color={ACCESS_COLORS[computed.status]} data-testid="policy-computed">
            {t(`status.${computed.status}`)}
          </Tag>
        )}
        {detail.override && (
          <>
            <Typography.Text type="secondary">→</Typography.Text>
            <PolicyTag policy={detail.effective} />
          </>
        )}
      </Space>
      {detail.override && (
        <Typography.Text type="secondary" data-testid="policy-override">
          {t('overrideBy', { by: detail.override.by || '—', at: dayjs(detail.override.at).format('YYYY-MM-DD'), reason: detail.override.reason })}
        </Typography.Text>
      )}
      {computed.measures.length > 0 && (
        <div data-testid="policy-measures">
          {computed.measures.map((m) => (
            <Typography.Paragraph key={`${m.no}:${m.industryCode}`} style={{ marginBottom: 4 }}>
              <Tag color={m.kind === 'prohibited' ? 'red' : 'orange'}>{t(`kind.${m.kind}`)}</Tag>
              <Typography.Text strong>{t('measureNo', { no: m.no })}</Typography.Text> {m.text}
              <Typography.Text type="secondary">
                （{m.industryCode} {m.coverage === 'full' ? t('coverageFull') : t('coveragePartial')}
                {m.note ? `：${m.note}` : ''}）
              </Typography.Text>
            </Typography.Paragraph>
          ))}
        </div>
      )}
      {detail.industryCode && computed.measures.length === 0 && <Typography.Text type="secondary">{t('openText')}</Typography.Text>}
      <Space>
        <Button size="small" onClick={() => setJudging(true)} data-testid="policy-judge">
          {t('override')}
        </Button>
        {detail.override && (
          <Button size="small" onClick={() => void run(api.call('policy.override', { entity, id, status: null }))} data-testid="policy-judge-clear">
            {t('overrideClear')}
          </Button>
        )}
      </Space>

      <Typography.Text strong style={{ marginTop: 4 }}>
        {t('encouraged')}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: 0 }} data-testid="policy-encouraged">
        {detail.chosen ? (
          <>
            <Tag color="green">{t('encouragedTag')}</Tag>
            {itemLabel(detail.chosen)}
            {!detail.chosen.active && <Typography.Text type="secondary">{t('encouragedOld', { version: detail.chosen.catalogueVersion })}</Typography.Text>}
          </>
        ) : (
          <Typography.Text type="secondary">{t('encouragedNone')}</Typography.Text>
        )}
      </Typography.Paragraph>
      <Space.Compact block>
        <Select
          showSearch
          allowClear
          filterOption={false}
          onSearch={search}
          value={pick}
          onChange={(v) => setPick(v ?? null)}
          placeholder={
            !detail.catalogueVersion ? t('encouragedNoCatalogue') : detail.candidates.length ? t('encouragedCandidates', { count: detail.candidates.length }) : t('encouragedPick')
          }
          options={options.map((o) => ({ value: o.id, label: itemLabel(o) }))}
          style={{ flex: 1, minWidth: 0 }}
          popupMatchSelectWidth={false}
          data-testid="policy-encouraged-select"
        />
        <Button disabled={pick === null} onClick={() => void run(api.call('policy.chooseEncouraged', { entity, id, itemId: pick })).then(() => setPick(null))} data-testid="policy-encouraged-confirm">
          {t('encouragedConfirm')}
        </Button>
        {detail.chosen && <Button onClick={() => void run(api.call('policy.chooseEncouraged', { entity, id, itemId: null }))}>{t('encouragedClear')}</Button>}
      </Space.Compact>

      <JudgeModal
        open={judging}
        detail={detail}
        onClose={() => setJudging(false)}
        onSave={(status, measureNo, reason) =>
          run(api.call('policy.override', { entity, id, status, measureNo, reason })).then(() => setJudging(false))
        }
      />
    </Flex>
  );
}

function JudgeModal(props: { open: boolean; detail: PolicyDetail; onClose(): void; onSave(status: AccessStatus, measureNo: number | null, reason: string): Promise<void> }) {
  const t = useT(policyMessages);
  const { message } = App.useApp();
  const [status, setStatus] = useState<AccessStatus>('open');
  const [measureNo, setMeasureNo] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [measures, setMeasures] = useState<{ no: number; text: string }[]>([]);
  useEffect(() => {
    if (!props.open) return;
    const o = props.detail.override;
    setStatus(o?.status ?? props.detail.computed.status);
    setMeasureNo(o?.measureNo ?? props.detail.computed.measureNo);
    setReason(o?.reason ?? '');
    void api.call('policy.measures', {}).then((r) => setMeasures(r.measures));
  }, [props.open, props.detail]);
  return (
    <Modal
      open={props.open}
      title={t('overrideTitle')}
      onCancel={props.onClose}
      onOk={() => {
        if (!reason.trim()) return void message.warning(t('overrideReasonRequired'));
        void props.onSave(status, status === 'open' ? null : measureNo, reason.trim());
      }}
      okButtonProps={{ 'data-testid': 'policy-judge-ok' } as Record<string, string>}
      destroyOnHidden
      width={640}
    >
      <Flex vertical gap={12}>
        <Radio.Group
          value={status}
          onChange={(e) => setStatus(e.target.value as AccessStatus)}
          optionType="button"
          options={ACCESS_STATUS_CODES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid="policy-judge-status"
        />
        {status !== 'open' && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('overrideMeasure')}
            value={measureNo}
            onChange={(v) => setMeasureNo(v ?? null)}
            options={measures.map((m) => ({ value: m.no, label: `${t('measureNo', { no: m.no })} ${m.text}` }))}
            popupMatchSelectWidth={false}
          />
        )}
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('overrideReason')} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="policy-judge-reason" />
      </Flex>
    </Modal>
  );
}
