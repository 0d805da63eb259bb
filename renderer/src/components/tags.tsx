import { Tag, Tooltip } from 'antd';
import type { ProjectAlert } from '../../../shared/api/projects';
import type { ProjectStage } from '../../../shared/domain/project';
import { useT } from '../i18n';
import { domainMessages } from '../i18n/domain';
import { componentMessages } from './messages';

const STAGE_COLORS: Record<ProjectStage, string> = {
  lead: 'default',
  negotiating: 'processing',
  signed: 'blue',
  registered: 'cyan',
  construction: 'geekblue',
  operating: 'success',
  paused: 'warning',
  dropped: 'error',
};
const ALERT_COLORS: Record<ProjectAlert, string> = { stale: 'orange', overdue: 'red', arrival: 'volcano', prohibited: 'magenta' };

export function StageTag({ stage }: { stage: ProjectStage }) {
  const td = useT(domainMessages);
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid="stage-tag" style={{ marginInlineEnd: 0 }}>
      {td(`stage.${stage}`)}
    </Tag>
  );
}

export function AlertTags({ alerts }: { alerts: readonly ProjectAlert[] }) {
  const t = useT(componentMessages);
  return (
    <>
      {alerts.map((a) => (
        <Tooltip key={a} title={t(`alertHelp.${a}`)}>
          <Tag color={ALERT_COLORS[a]} data-testid={`alert-${a}`} style={{ marginInlineEnd: 4 }}>
            {t(`alert.${a}`)}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}

/** An amount in 万美元 as reported (the app's one number format); blank when unknown. */
export { formatAmount } from '../../../shared/format';
