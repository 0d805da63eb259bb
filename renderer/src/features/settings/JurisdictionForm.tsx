import { App, Button, Cascader, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import type { Division } from '../../../../shared/api/reference';
import { api } from '../../api/client';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';
import { useSettingsStore } from '../../stores/settings';
import { settingsMessages } from './messages';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (d: Division): Option => ({ value: d.code, label: d.name, isLeaf: d.level === 'county' });

/** The chain of division codes from the province down to `code` (codes nest: 32 → 3205 → 320505). */
function pathOf(code: string | null): string[] {
  if (!code) return [];
  return [code.slice(0, 2), code.slice(0, 4), code.slice(0, 6)].filter((c, i, all) => c.length <= code.length && all.indexOf(c) === i);
}

/** Province → city → county, loaded level by level from the NBS division list. */
export function JurisdictionForm() {
  const t = useT(settingsMessages);
  const ts = useT(shellMessages);
  const { message } = App.useApp();
  const jurisdiction = useSettingsStore((s) => s.data?.jurisdiction);
  const setJurisdiction = useSettingsStore((s) => s.setJurisdiction);
  const [options, setOptions] = useState<Option[]>([]);
  const [value, setValue] = useState<string[]>([]);
  const [unit, setUnit] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // Load the provinces, then the levels down to the saved division so the cascader can show its path.
    void (async () => {
      const provinces = (await api.call('reference.listDivisions', { parent: null })).map(toOption);
      // Placeholder levels (a municipality's 市辖区) are not shown, so codes of the path missing from a level are skipped.
      const shown: string[] = [];
      let level = provinces;
      for (const code of pathOf(jurisdiction?.code ?? null)) {
        const node = level.find((o) => o.value === code);
        if (!node) continue;
        shown.push(code);
        if (node.isLeaf || code === jurisdiction?.code) break;
        node.children = (await api.call('reference.listDivisions', { parent: code })).map(toOption);
        level = node.children;
      }
      setOptions(provinces);
      setValue(shown);
      setUnit(jurisdiction?.reportingUnit ?? '');
    })();
  }, [jurisdiction?.code, jurisdiction?.reportingUnit]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1]!;
    target.children = (await api.call('reference.listDivisions', { parent: target.value })).map(toOption);
    setOptions((o) => [...o]);
  };

  const save = async () => {
    const code = value[value.length - 1];
    if (!code) return;
    setSaving(true);
    try {
      await setJurisdiction({ code, reportingUnit: unit.trim() || undefined });
      message.success(ts('saved'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" style={{ maxWidth: 560 }}>
      <Form.Item label={t('division')} extra={t('jurisdictionHelp')}>
        <Cascader<Option>
          data-testid="jurisdiction-cascader"
          options={options}
          loadData={loadData}
          value={value}
          changeOnSelect
          onChange={(v) => setValue((v as string[]) ?? [])}
          placeholder={ts('notSet')}
          showSearch={false}
        />
      </Form.Item>
      <Form.Item label={t('reportingUnit')} extra={t('reportingUnitHelp')}>
        <Input data-testid="reporting-unit" value={unit} onChange={(e) => setUnit(e.target.value)} maxLength={60} />
      </Form.Item>
      <Button type="primary" onClick={() => void save()} loading={saving} disabled={!value.length} data-testid="save-jurisdiction">
        {t('saveJurisdiction')}
      </Button>
    </Form>
  );
}
