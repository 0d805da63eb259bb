import { App, Form, Input, InputNumber, Select } from 'antd';
import { errorText } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useSettingsStore } from '../../stores/settings';
import { settingsMessages } from './messages';

/** Each field saves on its own when it loses focus or changes: no separate save button to forget. */
export function PreferencesForm() {
  const t = useT(settingsMessages);
  const { message } = App.useApp();
  const prefs = useSettingsStore((s) => s.data?.preferences);
  const setPreferences = useSettingsStore((s) => s.setPreferences);
  if (!prefs) return null;
  const save = (input: Parameters<typeof setPreferences>[0]) => setPreferences(input).catch((e) => message.error(errorText(e)));
  return (
    <Form layout="vertical" style={{ maxWidth: 560 }}>
      <Form.Item label={t('userName')} extra={t('userNameHelp')}>
        <Input
          data-testid="user-name"
          defaultValue={prefs.userName}
          maxLength={40}
          onBlur={(e) => e.target.value !== prefs.userName && void save({ userName: e.target.value.trim() })}
        />
      </Form.Item>
      <Form.Item label={t('language')}>
        <Select
          data-testid="locale-select"
          value={prefs.locale}
          onChange={(locale) => void save({ locale })}
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en-US', label: 'English' },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('followUpDays')}>
        <InputNumber min={1} max={365} defaultValue={prefs.followUpDays} onBlur={(e) => {
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n >= 1 && n <= 365 && n !== prefs.followUpDays) void save({ followUpDays: n });
        }} />
      </Form.Item>
    </Form>
  );
}
