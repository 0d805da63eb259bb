import { App, Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RefList } from '../../../../../shared/api/reference';
import { api } from '../../../api/client';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { statsSettingsMessages } from './messages';

type Option = { value: string; label: string };

/** What can be picked for a list: every division or country; classes are typed (a list of 1,381 helps nobody). */
async function optionsFor(kind: RefList['kind']): Promise<Option[]> {
  if (kind === 'countries') return (await api.call('reference.listCountries', {})).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }));
  if (kind === 'divisions') return (await api.call('reference.searchIndustries', { query: '', level: 'division', limit: 200 })).map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));
  return [];
}

function ListEditor({ list, onClose, onSaved }: { list: RefList; onClose(): void; onSaved(): void }) {
  const t = useT(statsSettingsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ codes: string[]; source: string; version: string }>();
  const [options, setOptions] = useState<Option[]>(list.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })));
  useEffect(() => void optionsFor(list.kind).then((o) => o.length && setOptions(o)), [list.kind]);
  const dates = new Map(list.items.map((i) => [i.code, i]));
  const save = (v: { codes: string[]; source: string; version: string }) =>
    api
      .call('reference.saveList', {
        list: list.list,
        source: v.source,
        version: v.version,
        // a member kept keeps the months it counts in
        items: v.codes.map((code) => ({ code, validFrom: dates.get(code)?.validFrom ?? null, validTo: dates.get(code)?.validTo ?? null })),
      })
      .then(() => {
        message.success(t('saved'));
        onSaved();
        onClose();
      }, (e) => message.error(errorText(e)));
  return (
    <Modal open title={t('editList', { name: list.name })} onCancel={onClose} onOk={() => form.submit()} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ codes: list.items.map((i) => i.code), source: list.source, version: list.version }} onFinish={(v) => void save(v)}>
        <Form.Item name="codes" label={t('codes')} extra={t('codesHelp')}>
          <Select mode={list.kind === 'classes' ? 'tags' : 'multiple'} options={options} optionFilterProp="label" data-testid="list-codes" />
        </Form.Item>
        <Form.Item name="source" label={t('source')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="list-source" />
        </Form.Item>
        <Form.Item name="version" label={t('version')} rules={[{ required: true, message: t('required') }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The editable reference lists with their source and version. */
export function ListsCard({ lists, onSaved }: { lists: RefList[]; onSaved(): void }) {
  const t = useT(statsSettingsMessages);
  const [editing, setEditing] = useState<RefList | null>(null);
  return (
    <Card size="small" title={t('listsTitle')} data-testid="settings-lists">
      <Typography.Paragraph type="secondary">{t('listsHelp')}</Typography.Paragraph>
      <Table<RefList>
        size="small"
        rowKey="list"
        pagination={false}
        dataSource={lists}
        columns={[
          { title: t('listName'), dataIndex: 'name', width: 170 },
          { title: t('items'), key: 'items', width: 70, align: 'right', render: (_, l) => l.items.length || t('empty') },
          { title: t('source'), dataIndex: 'source', ellipsis: { showTitle: true } },
          { title: t('version'), dataIndex: 'version', width: 120 },
          { key: 'edited', width: 100, render: (_, l) => (l.editedAt ? <Tag color="orange">{t('edited')}</Tag> : <Tag>{t('shipped')}</Tag>) },
          {
            key: 'edit',
            width: 70,
            render: (_, l) => (
              <Button size="small" type="link" onClick={() => setEditing(l)} data-testid={`edit-${l.list}`}>
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <ListEditor list={editing} onClose={() => setEditing(null)} onSaved={onSaved} />}
    </Card>
  );
}
