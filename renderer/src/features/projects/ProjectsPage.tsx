import { DownOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useAppStore } from '../../stores/app';
import { useChanged } from '../../api/useChanged';
import { useProjectList, useProjectStore } from '../../stores/projects';
import { RegisterImportModal } from '../../components/import/register/RegisterImportModal';
import { projectMessages } from './messages';
import { ProjectDrawer } from './ProjectDrawer';
import { ProjectFilters } from './ProjectFilters';
import { ProjectForm } from './ProjectForm';
import { ProjectTable } from './ProjectTable';
import { SavedViews } from './SavedViews';
import { useExport } from '../../components/useExport';

/** 项目库: the key FDI projects, filtered and sorted on the server, with the detail drawer for follow-up work. */
export default function ProjectsPage() {
  const t = useT(projectMessages);
  const ts = useT(shellMessages);
  const total = useProjectList((s) => s.total);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const exporter = useExport((rows) => t('exported', { rows }));
  const route = useAppStore((s) => s.route);

  useEffect(() => {
    const list = useProjectList.getState();
    if (list.total === null) list.setQuery(list.query);
    else void list.reload();
  }, []);
  // another window or an import changed projects: fetch the loaded pages again (this window's own edits were patched in place)
  useChanged('projects', () => void useProjectList.getState().reload(), { ignoreOwn: true });
  // #/projects/12 opens project 12
  useEffect(() => {
    const id = Number(route.path[0]);
    if (route.section === 'projects' && Number.isInteger(id) && id > 0) void useProjectStore.getState().open(id);
  }, [route]);

  const query = useProjectList((s) => s.query);
  return (
    <>
      <PageHeader
        title={ts('section.projects')}
        testId="page-title"
        extra={
          <Space wrap>
            <SavedViews />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-project">
              {t('newProject')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-projects">
              {t('import')}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'list', label: <span data-testid="export-list">{t('exportList')}</span> },
                  { key: 'progress', label: <span data-testid="export-progress">{t('exportProgress')}</span> },
                ],
                onClick: ({ key }) => void exporter.run('projects.export', { ...query, layout: key as 'list' | 'progress' }),
              }}
            >
              <Button data-testid="export-projects">
                {t('export')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        }
      />
      <ProjectFilters />
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid="projects-total">
          {total === null ? t('loadingList') : t('total', { total })}
        </Typography.Text>
      </Flex>
      <ProjectTable height="calc(100vh - 240px)" />
      <ProjectDrawer />
      <ProjectForm open={creating} detail={null} onClose={() => setCreating(false)} />
      <RegisterImportModal
        open={importing}
        onClose={() => setImporting(false)}
        title={t('importTitle')}
        help={t('importHelp')}
        check="projects.importCheck"
        commit="projects.importCommit"
        onImported={() => {
          void useProjectList.getState().reload();
          void useProjectStore.getState().loadOptions();
        }}
      />
      {exporter.progress}
    </>
  );
}
