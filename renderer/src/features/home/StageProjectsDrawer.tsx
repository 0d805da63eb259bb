import { formatAmount } from '../../../../shared/format';
import { Drawer, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import type { ProjectStage } from '../../../../shared/domain/project';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { useAppStore } from '../../stores/app';
import { dashboardMessages } from './messages';

type Row = MethodOutput<'dashboard.stageProjects'>[number];

/** The projects behind a bar of the pipeline chart, each a link to its page. */
export function StageProjectsDrawer({ stage, onClose }: { stage: ProjectStage | null; onClose: () => void }) {
  const t = useT(dashboardMessages);
  const td = useT(domainMessages);
  const navigate = useAppStore((s) => s.navigate);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setRows(null);
    setError(null);
    if (stage) api.call('dashboard.stageProjects', { stage }).then(setRows, setError);
  }, [stage]);
  return (
    <Drawer open={stage !== null} onClose={onClose} size="large" title={stage ? t('stageProjects', { stage: td(`stage.${stage}`) }) : ''}>
      <div data-testid="stage-drawer">
        {error ? <ErrorAlert error={error} /> : null}
        <Typography.Paragraph data-testid="drill-count">{t('records', { count: rows?.length ?? 0 })}</Typography.Paragraph>
        <Table<Row>
          rowKey="id"
          size="small"
          loading={rows === null && !error}
          dataSource={rows ?? []}
          pagination={false}
          columns={[
            { title: t('colProject'), dataIndex: 'name', render: (name: string, r) => <Typography.Link onClick={() => navigate('projects', [r.id])}>{name}</Typography.Link> },
            { title: t('colInvestor'), dataIndex: 'investor' },
            { title: t('colCountry'), dataIndex: 'countryCode' },
            { title: t('colContracted'), dataIndex: 'contractedFdi', align: 'right', render: formatAmount },
            { title: t('colOwner'), dataIndex: 'ownerPerson' },
            { title: t('colLastFollowUp'), dataIndex: 'lastFollowUpDate' },
          ]}
        />
      </div>
    </Drawer>
  );
}
