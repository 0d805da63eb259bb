import { Button, Tag } from 'antd';
import type { ChainDetail } from '../../../../../shared/api/chains';
import { STATUS_STYLE } from '../../../../../shared/chains/style';
import type { SegmentGap } from '../../../../../shared/rules/gap';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { targetStatusColor } from '../editor/TargetModal';
import { chainsMessages } from '../messages';
import { StatusIcon } from '../StatusIcon';
import { useCountryNames } from '../useCountryNames';

export interface PanelTheme {
  panel: string;
  fg: string;
  muted: string;
  border: string;
  dark: boolean;
}

/**
 * One segment as the meeting discusses it: its status and why, the firms to attract into it (status, country,
 * headquarters, priority, owner) and the projects already linked to it. Only its own targets: a parent's card on the
 * poster does not repeat its sub-segments' ones.
 */
export function GapPanel({
  detail,
  gap,
  step,
  theme,
  onClose,
}: {
  detail: ChainDetail;
  gap: SegmentGap;
  /** “第 3 / 18 个缺链环节”, or “点选的环节” for a segment picked outside the walk. */
  step: string;
  theme: PanelTheme;
  onClose: () => void;
}) {
  const t = useT(chainsMessages);
  const td = useT(domainMessages);
  const countryName = useCountryNames();
  const segment = detail.segments.find((s) => s.id === gap.segmentId)!;
  const targets = detail.targets.filter((x) => x.segmentId === gap.segmentId);
  const projects = new Map<number, { name: string; stage?: string }>();
  for (const p of detail.projects) if (p.segmentId === gap.segmentId) projects.set(p.projectId, { name: p.name, stage: p.stage });
  for (const x of targets) if (x.projectId !== null && !projects.has(x.projectId)) projects.set(x.projectId, { name: x.projectName ?? '' });
  const heading = { fontSize: 22, fontWeight: 700, margin: '18px 0 6px' } as const;
  return (
    <div data-testid="meeting-gap" data-segment={gap.segmentId}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <span style={{ fontSize: 18, color: theme.muted }} data-testid="meeting-step">
          {step}
        </span>
        <Button size="small" type="text" onClick={onClose} style={{ color: theme.muted }}>
          {t('meetingClosePanel')}
        </Button>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, margin: '8px 0' }}>
        <StatusIcon status={gap.status} size={34} background={theme.panel} />
        <span style={{ fontSize: 30, fontWeight: 700, lineHeight: 1.2 }} data-testid="meeting-gap-name">
          {segment.name}
        </span>
        <span style={{ fontSize: 26, fontWeight: 700, color: theme.dark ? theme.fg : STATUS_STYLE[gap.status].color, whiteSpace: 'nowrap' }}>
          {td(`segmentStatus.${gap.status}`)}
          {gap.overridden ? '*' : ''}
        </span>
      </div>
      <div style={{ fontSize: 19, lineHeight: 1.5 }} data-testid="meeting-reason">
        {gap.reason}
      </div>
      <div style={heading}>
        {t('targets')}（{targets.length}）
      </div>
      {targets.length === 0 ? (
        <div style={{ fontSize: 18, color: theme.muted }}>{t('meetingNoTargets')}</div>
      ) : (
        <div data-testid="meeting-targets">
          {targets.map((x) => (
            <div key={x.id} style={{ padding: '8px 0', borderBottom: `1px solid ${theme.border}` }}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 10, flexWrap: 'wrap' }}>
                <Tag color={targetStatusColor(x.status)} style={{ fontSize: 17, lineHeight: '26px', padding: '0 8px', margin: 0 }}>
                  {td(`targetStatus.${x.status}`)}
                </Tag>
                <span style={{ fontSize: 20, fontWeight: 600 }}>{x.company}</span>
              </div>
              <div style={{ fontSize: 16, color: theme.muted, marginTop: 4 }}>
                {[countryName(x.countryCode), x.headquarters, `${t('priority')} ${td(`priority.${x.priority}`)}`, x.owner].filter(Boolean).join(' · ')}
              </div>
              {x.rationale && <div style={{ fontSize: 16, marginTop: 2 }}>{x.rationale}</div>}
            </div>
          ))}
        </div>
      )}
      <div style={heading}>
        {t('meetingProjects')}（{projects.size}）
      </div>
      {projects.size === 0 ? (
        <div style={{ fontSize: 18, color: theme.muted }}>{t('meetingNoProjects')}</div>
      ) : (
        <div data-testid="meeting-projects">
          {[...projects.entries()].map(([id, p]) => (
            <div key={id} style={{ fontSize: 18, padding: '4px 0' }}>
              {p.name}
              {p.stage ? <span style={{ color: theme.muted }}> · {td(`stage.${p.stage}` as 'stage.lead')}</span> : null}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
