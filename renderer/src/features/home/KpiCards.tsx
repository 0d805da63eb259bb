import { Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import type { Kpi } from '../../../../shared/api/dashboard';
import { formatInUnit, formatPercent, formatPercentNumber } from '../../../../shared/format';
import { useT } from '../../i18n';
import { dashboardMessages } from './messages';


/**
 * A card per indicator: the figure reached, the target, completion as a bar with the year's elapsed share marked on
 * it (ahead or behind at a glance), the same period last year and 同比. Shares are not cumulative, so they are
 * compared with their target, not with the calendar.
 */
function KpiCard({ kpi, elapsed }: { kpi: Kpi; elapsed: number }) {
  const t = useT(dashboardMessages);
  const value = (v: number | null) => (v === null ? t('none') : formatInUnit(v, kpi.unit));
  const cumulative = kpi.unit !== '%';
  const pace = cumulative ? elapsed : 100;
  const ahead = kpi.completion !== null && kpi.completion >= pace;
  const sign = (v: number) => (v > 0 ? '+' : '');
  const yoy =
    kpi.yoy === null
      ? t('none')
      : t(kpi.yoyKind === 'points' ? 'yoyPoints' : 'yoyPercent', { sign: sign(kpi.yoy), value: formatPercentNumber(kpi.yoy) });
  return (
    <Card size="small" data-testid={`kpi-${kpi.indicator}`} style={{ height: '100%' }}>
      <Typography.Text type="secondary">{kpi.label}</Typography.Text>
      <div style={{ margin: '4px 0' }}>
        <Typography.Text strong style={{ fontSize: 26 }} data-testid="kpi-actual">
          {value(kpi.actual)}
        </Typography.Text>
        {kpi.unit !== '%' && <Typography.Text type="secondary"> {kpi.unit}</Typography.Text>}
      </div>
      <Space size={4} wrap>
        <Typography.Text type="secondary">
          {kpi.target === null ? t('noTarget') : `${t('target')} ${value(kpi.target)}`}
        </Typography.Text>
        {kpi.completion !== null && (
          <Tag color={ahead ? 'green' : 'orange'} data-testid="kpi-pace">
            {cumulative ? (ahead ? t('ahead') : t('behind')) : ahead ? t('targetMet') : t('targetNotMet')}
          </Tag>
        )}
        {kpi.indicator.startsWith('custom:') && <Tag>{t('manual')}</Tag>}
      </Space>
      {kpi.completion !== null && (
        <div style={{ position: 'relative', marginTop: 4 }} title={cumulative ? t('elapsed', { pct: formatPercentNumber(elapsed) }) : undefined}>
          <Progress
            percent={Math.min(100, kpi.completion)}
            format={() => <span data-testid="kpi-completion">{formatPercent(kpi.completion)}</span>}
            status={ahead ? 'success' : 'normal'}
            strokeColor={ahead ? undefined : '#fa8c16'}
          />
          {cumulative && (
            <div
              data-testid="kpi-elapsed-mark"
              style={{ position: 'absolute', top: 2, bottom: 2, left: `calc((100% - 48px) * ${elapsed / 100})`, width: 2, background: '#262626' }}
            />
          )}
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('prior')} {value(kpi.prior)} · {t('yoy')}{' '}
        <span data-testid="kpi-yoy" style={{ color: kpi.yoy === null ? undefined : kpi.yoy >= 0 ? '#cf1322' : '#389e0d' }}>
          {yoy}
        </span>
      </Typography.Text>
    </Card>
  );
}

export function KpiCards({ kpis, elapsed }: { kpis: Kpi[]; elapsed: number }) {
  return (
    <Row gutter={[12, 12]} data-testid="kpi-cards">
      {kpis.map((k) => (
        <Col key={k.indicator} xs={24} sm={12} lg={8} xxl={6}>
          <KpiCard kpi={k} elapsed={elapsed} />
        </Col>
      ))}
    </Row>
  );
}
