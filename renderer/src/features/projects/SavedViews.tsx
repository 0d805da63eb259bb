import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Select, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { ProjectQuery } from '../../../../shared/api/projects';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useProjectList, useProjectStore } from '../../stores/projects';
import { projectMessages } from './messages';

/** The same query whatever order its keys came in (a view comes back from the server). */
function sameQuery(a: ProjectQuery, b: ProjectQuery): boolean {
  const norm = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(norm) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, norm(x)])) : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** Saved views of the list: the one whose filters and sort are on the screen is shown chosen. */
export function SavedViews() {
  const t = useT(projectMessages);
  const { message } = App.useApp();
  const query = useProjectList((s) => s.query);
  const setQuery = useProjectList((s) => s.setQuery);
  const views = useProjectStore((s) => s.views);
  const [naming, setNaming] = useState<string | null>(null);
  const current = views.find((v) => sameQuery(v.query, query)) ?? null;
  useEffect(() => {
    void useProjectStore.getState().loadViews();
  }, []);
  return (
    <Space>
      <Select
        placeholder={t('viewPlaceholder')}
        style={{ width: 150 }}
        value={current?.id ?? null}
        onChange={(id: number) => {
          const view = views.find((v) => v.id === id);
          if (view) setQuery(view.query);
        }}
        options={views.map((v) => ({ value: v.id, label: v.name }))}
        data-testid="view-select"
      />
      <Button icon={<SaveOutlined />} onClick={() => setNaming(current?.name ?? '')} data-testid="save-view">
        {t('saveView')}
      </Button>
      {current && (
        <Tooltip title={t('deleteView')}>
          <Button icon={<DeleteOutlined />} onClick={() => useProjectStore.getState().deleteView(current.id).catch((e) => message.error(errorText(e)))} />
        </Tooltip>
      )}
      <Modal
        open={naming !== null}
        title={t('saveView')}
        okButtonProps={{ disabled: !naming?.trim(), 'data-testid': 'save-view-ok' }}
        onCancel={() => setNaming(null)}
        onOk={() =>
          useProjectStore
            .getState()
            .saveView(naming!.trim(), query)
            .then(
              (view) => {
                setNaming(null);
                message.success(t('viewSaved', { name: view.name }));
              },
              (e) => message.error(errorText(e)),
            )
        }
        destroyOnHidden
      >
        <Input autoFocus placeholder={t('viewName')} maxLength={40} value={naming ?? ''} onChange={(e) => setNaming(e.target.value)} data-testid="view-name" />
      </Modal>
    </Space>
  );
}
