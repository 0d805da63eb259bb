import { App, Button, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import type { District } from '../../../../shared/api/settings';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useSettingsStore } from '../../stores/settings';
import { EditDeleteActions } from './EditDeleteActions';
import { settingsMessages } from './messages';

export function DistrictsTable() {
  const t = useT(settingsMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const districts = useSettingsStore((s) => s.data?.districts ?? []);
  const { saveDistrict, deleteDistrict } = useSettingsStore.getState();
  const [editing, setEditing] = useState<Partial<District> | null>(null);
  const [form] = Form.useForm<{ name: string; code: string }>();

  const open = (d: Partial<District>) => {
    setEditing(d);
    form.setFieldsValue({ name: d.name ?? '', code: d.code ?? '' });
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await saveDistrict({ id: editing?.id, name: v.name, code: v.code || null });
      setEditing(null);
      message.success(ts('saved'));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <>
      <Table<District>
        size="small"
        rowKey="id"
        dataSource={districts}
        pagination={false}
        data-testid="districts-table"
        columns={[
          { title: t('districtName'), dataIndex: 'name' },
          { title: t('districtCode'), dataIndex: 'code', width: 140 },
          {
            title: '',
            width: 140,
            render: (_, d) => <EditDeleteActions name={d.name} onEdit={() => open(d)} onDelete={() => deleteDistrict(d.id)} />,
          },
        ]}
        footer={() => (
          <Button size="small" onClick={() => open({})} data-testid="add-district">
            {ts('add')}
          </Button>
        )}
      />
      <Modal open={editing !== null} title={t('districts')} onOk={() => void submit()} onCancel={() => setEditing(null)} okText={ts('save')} cancelText={ts('cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('districtName')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
            <Input maxLength={60} data-testid="district-name" />
          </Form.Item>
          <Form.Item name="code" label={t('districtCode')}>
            <Input maxLength={12} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
