import { App, Card, Radio, Space, Typography } from 'antd';
import { DOMESTIC_REINVESTMENT_RULE_CODES, type DomesticReinvestmentRule } from '../../../../../shared/domain/fdi';
import { api } from '../../../api/client';
import { errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { statsSettingsMessages } from './messages';

/** How 境内再投资 counts, unless a table is asked otherwise. */
export function RuleCard({ rule, onSaved }: { rule: DomesticReinvestmentRule; onSaved(): void }) {
  const t = useT(statsSettingsMessages);
  const { message } = App.useApp();
  const save = (domesticReinvestment: DomesticReinvestmentRule) =>
    api.call('stats.saveSettings', { domesticReinvestment }).then(
      () => {
        message.success(t('saved'));
        onSaved();
      },
      (e) => message.error(errorText(e)),
    );
  return (
    <Card size="small" title={t('ruleTitle')} data-testid="settings-rule">
      <Typography.Paragraph type="secondary">{t('ruleHelp')}</Typography.Paragraph>
      <Radio.Group value={rule} onChange={(e) => void save(e.target.value)}>
        <Space orientation="vertical">
          {DOMESTIC_REINVESTMENT_RULE_CODES.map((r) => (
            <Radio key={r} value={r} data-testid={`rule-${r}`}>
              {t(`rule.${r}`)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Card>
  );
}
