import { App, Button, Popconfirm, Space } from 'antd';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';

/** A settings row's 编辑 / 删除 links; the delete asks first and says how it went. */
export function EditDeleteActions({ name, onEdit, onDelete }: { name: string; onEdit(): void; onDelete(): Promise<void> }) {
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  return (
    <Space>
      <Button size="small" type="link" onClick={onEdit}>
        {ts('edit')}
      </Button>
      <Popconfirm
        title={ts('confirmDelete', { name })}
        onConfirm={() => onDelete().then(() => message.success(ts('deleted')), (e) => message.error(errorText(e)))}
      >
        <Button size="small" type="link" danger>
          {ts('delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
