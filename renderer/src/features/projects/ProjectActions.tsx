import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ProjectIssue } from '../../../../shared/api/projects';
import { EVENT_KIND_CODES, ISSUE_CATEGORY_CODES, PROJECT_STAGE_CODES, type ProjectStage } from '../../../../shared/domain/project';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import { shellMessages } from '../../i18n/shell';
import { useProjectStore } from '../../stores/projects';
import { projectMessages } from './messages';

export type ProjectAction =
  | { kind: 'event' }
  | { kind: 'stage' }
  | { kind: 'issue' }
  | { kind: 'editIssue'; issue: ProjectIssue }
  | { kind: 'resolve'; issue: ProjectIssue };

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * The small forms of the detail drawer: log a follow-up, move the stage, raise, edit or resolve a problem. Each
 * sends one call; the store takes the project's fresh detail from the answer.
 */
export function ProjectActionModal({ projectId, stage, action, onClose }: { projectId: number; stage: ProjectStage; action: ProjectAction | null; onClose(): void }) {
  const t = useT(projectMessages);
  const ts = useT(shellMessages);
  const td = useT(domainMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    if (action.kind === 'event') form.setFieldsValue({ date: dayjs(), kind: 'visit' });
    if (action.kind === 'stage') form.setFieldsValue({ date: dayjs() });
    if (action.kind === 'issue') form.setFieldsValue({ category: 'land' });
    if (action.kind === 'resolve') form.setFieldsValue({ date: dayjs() });
    if (action.kind === 'editIssue') form.setFieldsValue({ ...action.issue, dueDate: action.issue.dueDate ? dayjs(action.issue.dueDate) : null });
  }, [action, form]);

  if (!action) return null;
  const store = useProjectStore.getState();
  const run = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (action.kind === 'event') {
        await store.logEvent({ projectId, date: iso(v.date)!, kind: v.kind, notes: v.notes ?? '' });
        message.success(t('eventLogged'));
      } else if (action.kind === 'stage') {
        await store.changeStage({ id: projectId, stage: v.stage, date: iso(v.date)!, note: v.note ?? '' });
        message.success(t('stageChanged', { stage: td(`stage.${v.stage as ProjectStage}`) }));
      } else if (action.kind === 'issue') {
        await store.raiseIssue({ projectId, category: v.category, description: v.description, owner: v.owner ?? '', dueDate: iso(v.dueDate) });
        message.success(t('issueRaised'));
      } else if (action.kind === 'editIssue') {
        await store.updateIssue({ id: action.issue.id, category: v.category, description: v.description, owner: v.owner ?? '', dueDate: iso(v.dueDate) });
        message.success(ts('saved'));
      } else {
        await store.resolveIssue({ id: action.issue.id, resolution: v.resolution, date: iso(v.date)! });
        message.success(t('issueResolved'));
      }
      onClose();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const title = { event: t('logEvent'), stage: t('changeStage'), issue: t('raiseIssue'), editIssue: t('editIssue'), resolve: t('resolveIssue') }[action.kind];
  const required = [{ required: true }];

  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void run()} confirmLoading={busy} okText={ts('save')} cancelText={ts('cancel')} okButtonProps={{ 'data-testid': 'action-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid={`action-form-${action.kind}`}>
        {action.kind === 'event' && (
          <>
            <Form.Item name="date" label={t('eventDate')} rules={required}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="kind" label={t('eventKind')} rules={required}>
              <Select options={EVENT_KIND_CODES.map((k) => ({ value: k, label: t(`kind.${k}`) }))} data-testid="event-kind" />
            </Form.Item>
            <Form.Item name="notes" label={t('eventNotes')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="event-notes" />
            </Form.Item>
          </>
        )}
        {action.kind === 'stage' && (
          <>
            <Form.Item name="stage" label={t('stageTo')} rules={required}>
              <Select options={PROJECT_STAGE_CODES.filter((s) => s !== stage).map((s) => ({ value: s, label: td(`stage.${s}`) }))} data-testid="stage-select" />
            </Form.Item>
            <Form.Item name="date" label={t('eventDate')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label={t('stageNote')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
        {(action.kind === 'issue' || action.kind === 'editIssue') && (
          <>
            <Form.Item name="category" label={t('issueCategory')} rules={required}>
              <Select options={ISSUE_CATEGORY_CODES.map((c) => ({ value: c, label: t(`category.${c}`) }))} data-testid="issue-category" />
            </Form.Item>
            <Form.Item name="description" label={t('issueDescription')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="issue-description" />
            </Form.Item>
            <Form.Item name="owner" label={t('issueOwner')}>
              <Input maxLength={100} data-testid="issue-owner" />
            </Form.Item>
            <Form.Item name="dueDate" label={t('issueDue')}>
              <DatePicker style={{ width: '100%' }} data-testid="issue-due" />
            </Form.Item>
          </>
        )}
        {action.kind === 'resolve' && (
          <>
            <Form.Item name="resolution" label={t('resolution')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="issue-resolution" />
            </Form.Item>
            <Form.Item name="date" label={t('resolvedDate')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
