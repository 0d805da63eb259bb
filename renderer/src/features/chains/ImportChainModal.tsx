import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { FileRef } from '../../../../shared/api/files';
import type { ChainImportResult } from '../../../../shared/api/chains';
import type { JobState } from '../../../../shared/api/jobs';
import type { Problem } from '../../../../shared/result';
import { api } from '../../api/client';
import { pickFile } from '../../api/platform';
import { errorText } from '../../components/ErrorAlert';
import { useSingleFlight } from '../../components/import/useSingleFlight';
import { JobProgress } from '../../components/JobProgress';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useAppStore } from '../../stores/app';
import { useChainsStore } from '../../stores/chains';
import { chainsMessages } from './messages';
import { IMPORT_FILE_FILTER, withoutExtension } from '../../../../shared/workbook-files';

/** Imports a chain workbook as a job; a workbook with errors writes nothing and lists every problem. */
export function ImportChainModal(props: { open: boolean; onClose: () => void }) {
  const { onClose } = props;
  const t = useT(chainsMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const [file, setFile] = useState<FileRef | null>(null);
  const [name, setName] = useState('');
  const [job, setJob] = useState<JobState | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [result, setResult] = useState<ChainImportResult | null>(null);
  const { busy, run: once } = useSingleFlight();
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
  const run = () =>
    once(async () => {
      if (!file || !name.trim()) return;
      setProblems([]);
      try {
        const done = await api.runJob('chains.import', { fileId: file.fileId, name: name.trim(), threshold: 3 }, { onProgress: setJob });
        if (done.status === 'done') {
          // the result stays until the person opens the chain: its columns left out and its warnings are read first
          setResult(done.result);
          await useChainsStore.getState().loadList();
        } else {
          setProblems(done.error.problems ?? []);
          if (!done.error.problems?.length) message.error(done.error.message);
        }
      } catch (err) {
        message.error(errorText(err));
      }
    });
  const open = () => {
    if (!result) return;
    onClose();
    useAppStore.getState().navigate('chains', [result.chainId]);
  };
  return (
    <Modal
      open={props.open}
      title={t('importChain')}
      onOk={() => (result ? open() : void run())}
      onCancel={result ? open : onClose}
      okText={result ? t('openChain') : t('importChain')}
      cancelText={ts('cancel')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      okButtonProps={{ disabled: !result && (busy || !file || !name.trim()), loading: busy }}
      // a double click whose first click shrinks the dialog (the last problems cleared) must not land on the mask and close it
      maskClosable={false}
      width={760}
      destroyOnHidden
    >
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
        {result && <ChainImportSummary result={result} />}
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

/** What went in, the columns no field took and the warnings: shown before the chain opens. */
function ChainImportSummary({ result }: { result: ChainImportResult }) {
  const t = useT(chainsMessages);
  const ignored = result.ignoredColumns.map((c) => `${c.sheet} ${c.column}（${c.header || '—'}）`).join('、');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="chain-import-result">
      <Alert type="success" showIcon title={t('importDone', { segments: result.segments, firms: result.firms, targets: result.targets })} />
      <Typography.Text type={ignored ? 'warning' : 'secondary'} data-testid="chain-import-ignored">
        {ignored ? t('importIgnored', { list: ignored }) : t('importAllColumns')}
      </Typography.Text>
      {result.warnings.length > 0 && (
        <>
          <Typography.Text strong>{t('importWarnings', { count: result.warnings.length })}</Typography.Text>
          <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 200, overflow: 'auto' }} data-testid="chain-import-warnings">
            {result.warnings.map((w, i) => (
              <li key={i}>{[w.sheet, w.row !== undefined ? t('importRow', { row: w.row }) : '', w.message].filter(Boolean).join('　')}</li>
            ))}
          </ul>
        </>
      )}
    </Space>
  );
}
