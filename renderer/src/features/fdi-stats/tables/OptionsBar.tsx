import { Checkbox, Flex, Segmented, Select, Tooltip, Typography } from 'antd';
import { CURRENCY_CODES, DOMESTIC_REINVESTMENT_RULE_CODES, STATS_SCOPE_CODES } from '../../../../../shared/domain/fdi';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { statsTablesMessages } from './messages';
import { useStatsTablesStore } from './store';

const SETTING = 'setting';

/** How the tables count: scope, the 口径 of 境内再投资 (or the setting's), comparable 同比, currency. */
export function OptionsBar({ settingRule }: { settingRule: string | null }) {
  const t = useT(statsTablesMessages);
  const td = useT(domainMessages);
  const options = useStatsTablesStore((s) => s.options);
  const set = useStatsTablesStore((s) => s.setOptions);
  return (
    <Flex gap={12} align="center" wrap data-testid="stats-options">
      <Typography.Text>{t('scope')}</Typography.Text>
      <Select
        data-testid="stats-scope"
        value={options.scope}
        style={{ width: 196 }}
        onChange={(scope) => set({ scope })}
        options={STATS_SCOPE_CODES.map((s) => ({ value: s, label: td(`scope.${s}`) }))}
      />
      <Typography.Text>{t('rule')}</Typography.Text>
      <Select
        data-testid="stats-rule"
        value={options.domesticReinvestment ?? SETTING}
        style={{ width: 250 }}
        onChange={(v: string) => set({ domesticReinvestment: v === SETTING ? undefined : (v as (typeof DOMESTIC_REINVESTMENT_RULE_CODES)[number]) })}
        options={[
          { value: SETTING, label: t('ruleSetting', { rule: settingRule ? td(`rule.${settingRule}` as never) : '…' }) },
          ...DOMESTIC_REINVESTMENT_RULE_CODES.map((r) => ({ value: r, label: td(`rule.${r}`) })),
        ]}
      />
      <Tooltip title={t('comparableHelp')}>
        <Checkbox data-testid="stats-comparable" checked={options.comparable} onChange={(e) => set({ comparable: e.target.checked })}>
          {t('comparable')}
        </Checkbox>
      </Tooltip>
      <Segmented
        data-testid="stats-currency"
        value={options.currency}
        onChange={(currency) => set({ currency: currency as (typeof CURRENCY_CODES)[number] })}
        options={CURRENCY_CODES.map((c) => ({ value: c, label: td(`currency.${c}`) }))}
      />
    </Flex>
  );
}
