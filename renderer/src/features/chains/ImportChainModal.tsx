import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { FileRef } from '../../../../shared/api/files';
import type { ChainImportResult } from '../../../../shared/api/chains';
import type { JobState } from '../../../../shared/api/jobs';
import type { Problem } from '../../../../shared/result';
import { api } from '../../api/client';
import { pickFile } from '../../api/platform';
import { errorText } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useAppStore } from '../../stores/app';
import { useChainsStore } from '../../stores/chains';
import { chainsMessages } from './messages';
import { IMPORT_FILE_FILTER, withoutExtension } from '../../../../shared/workbook-files';

/** Imports a chain workbook as a job; a workbook with errors writes nothing and lists every problem. */
export function ImportChainModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(chainsMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const [file, setFile] = useState<FileRef | null>(null);
  const [name, setName] = useState('');
  const [job, setJob] = useState<JobState | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const choose = async () => {
    try {
      const picked = await pickFile([IMPORT_FILE_FILTER]);
      if (picked) {
        setFile(picked);
        if (!name) setName(withoutExtension(picked.name).replace(/产业链图谱$/, ''));
      }
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const run = async () => {
    if (!file || !name.trim()) return;
    setProblems([]);
    try {
      const { jobId } = await api.call('chains.import', { fileId: file.fileId, name: name.trim(), threshold: 3 });
      const done = await api.waitForJob(jobId, setJob);
      if (done.status === 'done') {
        const r = done.result as ChainImportResult;
        message.success(t('importDone', { segments: r.segments, firms: r.firms, targets: r.targets }));
        await useChainsStore.getState().loadList();
        onClose();
        useAppStore.getState().navigate('chains', [r.chainId]);
      } else {
        setProblems(done.error?.problems ?? []);
        if (!done.error?.problems?.length) message.error(done.error?.message ?? done.status);
      }
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Modal open={open} title={t('importChain')} onOk={() => void run()} onCancel={onClose} okText={t('importChain')} cancelText={ts('cancel')} okButtonProps={{ disabled: !file || !name.trim() }} width={760} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('importHelp')}</Typography.Text>
        <Space>
          <Button onClick={() => void choose()} data-testid="import-choose">
            {t('chooseFile')}
          </Button>
          <span>{file?.name}</span>
        </Space>
        <Form.Item label={t('importName')} style={{ marginBottom: 0 }}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} data-testid="import-name" />
        </Form.Item>
        {job && job.status === 'running' && <JobProgress job={job} />}
        {problems.length > 0 && (
          <>
            <Alert type="error" showIcon title={t('problems')} />
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={problems}
              pagination={{ pageSize: 8 }}
              data-testid="import-problems"
              columns={[
                { title: t('colSheet'), dataIndex: 'sheet', width: 90 },
                { title: t('colRow'), dataIndex: 'row', width: 50 },
                { title: t('colColumn'), dataIndex: 'column', width: 100 },
                { title: t('colValue'), dataIndex: 'value', width: 110 },
                { title: t('colProblem'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
