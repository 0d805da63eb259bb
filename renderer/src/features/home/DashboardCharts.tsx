import { formatPercentNumber } from '../../../../shared/format';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import type { ChartItem, DashboardCharts as Charts } from '../../../../shared/api/dashboard';
import type { ProjectStage } from '../../../../shared/domain/project';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { useAppStore } from '../../stores/app';
import { EChart } from './charts/EChart';
import { chainsOption, cumulativeOption, groupsOption, pipelineOption, rankedBarOption, sectionsOption } from './charts/options';
import { dashboardMessages } from './messages';

/** Gaps named under the chain chart (the rest are counted; the chain map lists them all). */
const GAP_NAMES = 5;

/** What a click asks for: the FDI records behind an item, or the projects of a stage. */
export type Drill = { kind: 'records'; title: string; item: ChartItem } | { kind: 'stage'; stage: ProjectStage };

function ChartCard({ title, children, extra }: { title: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/** Every chart of the dashboard; the titles are also used by the export. */
export function DashboardCharts({ charts, onDrill, alerts, alertCount }: { charts: Charts; onDrill: (d: Drill) => void; alerts: React.ReactNode; alertCount: number }) {
  const t = useT(dashboardMessages);
  const td = useT(domainMessages);
  const navigate = useAppStore((s) => s.navigate);
  const options = useMemo(
    () => ({
      cumulative: cumulativeOption(charts, t),
      countries: rankedBarOption(charts.countries),
      groups: groupsOption(charts),
      sections: sectionsOption(charts),
      districts: rankedBarOption(charts.districts),
      platforms: rankedBarOption(charts.platforms),
      pipeline: pipelineOption(charts, (s) => td(`stage.${s}` as `stage.${ProjectStage}`)),
      chains: chainsOption(charts, t),
    }),
    [charts, t, td],
  );
  const records = (items: ChartItem[]) => (c: { dataIndex: number }) => {
    const item = items[c.dataIndex];
    if (item) onDrill({ kind: 'records', title: item.name, item });
  };
  const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ height: 260, paddingTop: 60 }} />;
  const hasFdi = charts.total !== 0 || charts.cumulative.prior.some((v) => v !== 0);
  const hasProjects = charts.pipeline.some((p) => p.count > 0);
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      <Col xs={24} xl={16}>
        <ChartCard title={t('cumulativeTitle')}>{hasFdi ? <EChart id="cumulative" option={options.cumulative} height={320} /> : empty(t('noData'))}</ChartCard>
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard title={alertCount ? t('alertsCount', { count: alertCount }) : t('alertsTitle')}>{alerts}</ChartCard>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <ChartCard title={t('sourcesTitle')}>
          {charts.countries.length ? <EChart id="countries" option={options.countries} onClick={records(charts.countries)} /> : empty(t('noData'))}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <ChartCard title={t('groupsTitle')}>
          {charts.groups.length ? <EChart id="groups" option={options.groups} onClick={records(charts.groups)} /> : empty(t('noData'))}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <ChartCard title={t('sectionsTitle')} extra={charts.highTech.share !== null && <Typography.Text type="secondary">{t('highTechShare', { pct: formatPercentNumber(charts.highTech.share) })}</Typography.Text>}>
          {charts.sections.length ? <EChart id="sections" option={options.sections} onClick={records(charts.sections)} /> : empty(t('noData'))}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('districtsTitle')}>
          {charts.districts.length ? <EChart id="districts" option={options.districts} onClick={records(charts.districts)} /> : empty(t('noData'))}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('platformsTitle')}>
          {charts.platforms.length ? <EChart id="platforms" option={options.platforms} onClick={records(charts.platforms)} /> : empty(t('noData'))}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('pipelineTitle')}>
          {hasProjects ? (
            <EChart id="pipeline" option={options.pipeline} onClick={(c) => onDrill({ kind: 'stage', stage: charts.pipeline[c.dataIndex]!.stage })} />
          ) : (
            empty(t('noProjects'))
          )}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('chainsTitle')}>
          {charts.chains.length ? (
            <>
              <EChart id="chains" option={options.chains} height={Math.max(160, 60 + charts.chains.length * 36)} onClick={(c) => navigate('chains', [charts.chains[c.dataIndex]!.id])} />
              {charts.chains.map((ch) =>
                ch.gaps.length ? (
                  <div key={ch.id} data-testid="chain-gaps">
                    <Typography.Link onClick={() => navigate('chains', [ch.id])}>{ch.name}</Typography.Link>
                    <Typography.Text type="secondary">
                      {' '}
                      {t('chainGaps', {
                        count: ch.gaps.length,
                        untargeted: ch.gaps.filter((g) => g.targets === 0).length,
                        names: ch.gaps.slice(0, GAP_NAMES).map((g) => g.name).join('、') + (ch.gaps.length > GAP_NAMES ? t('andMore') : ''),
                      })}
                    </Typography.Text>
                  </div>
                ) : null,
              )}
            </>
          ) : (
            empty(t('noChains'))
          )}
        </ChartCard>
      </Col>
    </Row>
  );
}

/** The charts in page order with their titles, for the export. */
export const CHART_TITLES: Array<[id: string, key: 'cumulativeTitle' | 'sourcesTitle' | 'groupsTitle' | 'sectionsTitle' | 'districtsTitle' | 'platformsTitle' | 'pipelineTitle' | 'chainsTitle']> = [
  ['cumulative', 'cumulativeTitle'],
  ['countries', 'sourcesTitle'],
  ['groups', 'groupsTitle'],
  ['sections', 'sectionsTitle'],
  ['districts', 'districtsTitle'],
  ['platforms', 'platformsTitle'],
  ['pipeline', 'pipelineTitle'],
  ['chains', 'chainsTitle'],
];
