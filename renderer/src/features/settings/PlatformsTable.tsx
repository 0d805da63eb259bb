import { App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import type { Platform } from '../../../../shared/api/settings';
import { PLATFORM_TYPE_CODES, type PlatformType } from '../../../../shared/domain/platform';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { shellMessages } from '../../i18n/shell';
import { useSettingsStore } from '../../stores/settings';
import { EditDeleteActions } from './EditDeleteActions';
import { settingsMessages } from './messages';

interface PlatformForm {
  name: string;
  type: PlatformType;
  districtId: number | null;
}

export function PlatformsTable() {
  const t = useT(settingsMessages);
  const ts = useT(shellMessages);
  const td = useT(domainMessages);
  const { message } = App.useApp();
  const platforms = useSettingsStore((s) => s.data?.platforms ?? []);
  const districts = useSettingsStore((s) => s.data?.districts ?? []);
  const { savePlatform, deletePlatform } = useSettingsStore.getState();
  const [editing, setEditing] = useState<Partial<Platform> | null>(null);
  const [form] = Form.useForm<PlatformForm>();
  const districtName = (id: number | null) => districts.find((d) => d.id === id)?.name ?? '';

  const open = (p: Partial<Platform>) => {
    setEditing(p);
    form.setFieldsValue({ name: p.name ?? '', type: p.type ?? 'national_etdz', districtId: p.districtId ?? null });
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await savePlatform({ id: editing?.id, name: v.name, type: v.type, districtId: v.districtId ?? null });
      setEditing(null);
      message.success(ts('saved'));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <>
      <Table<Platform>
        size="small"
        rowKey="id"
        dataSource={platforms}
        pagination={false}
        data-testid="platforms-table"
        columns={[
          { title: t('platformName'), dataIndex: 'name' },
          { title: t('platformType'), dataIndex: 'type', width: 200, render: (type: PlatformType) => td(`platformType.${type}`) },
          { title: t('platformDistrict'), dataIndex: 'districtId', width: 140, render: districtName },
          {
            title: '',
            width: 140,
            render: (_, p) => <EditDeleteActions name={p.name} onEdit={() => open(p)} onDelete={() => deletePlatform(p.id)} />,
          },
        ]}
        footer={() => (
          <Button size="small" onClick={() => open({})} data-testid="add-platform">
            {ts('add')}
          </Button>
        )}
      />
      <Modal open={editing !== null} title={t('platforms')} onOk={() => void submit()} onCancel={() => setEditing(null)} okText={ts('save')} cancelText={ts('cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('platformName')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
            <Input maxLength={60} data-testid="platform-name" />
          </Form.Item>
          <Form.Item name="type" label={t('platformType')}>
            <Select options={PLATFORM_TYPE_CODES.map((c) => ({ value: c, label: td(`platformType.${c}`) }))} />
          </Form.Item>
          <Form.Item name="districtId" label={t('platformDistrict')}>
            <Select allowClear options={districts.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
