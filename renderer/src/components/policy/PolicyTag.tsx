import { Tag, Tooltip } from 'antd';
import type { Policy } from '../../../../shared/api/policy';
import type { AccessStatus } from '../../../../shared/domain/policy';
import { useT } from '../../i18n';
import { policyMessages } from './messages';

export const ACCESS_COLORS: Record<AccessStatus, string> = { prohibited: 'red', restricted: 'orange', partial: 'gold', open: 'default' };

/**
 * A project's (target's, firm's) market access in one or two small tags: the status under the negative list with the
 * measure and restriction on hover, and 鼓励 when an encouraged item is confirmed. Nothing for an industry off the list.
 */
export function PolicyTag({ policy }: { policy: Policy }) {
  const t = useT(policyMessages);
  const status = policy.negativeList;
  const measure = policy.measure ? `${t('measureNo', { no: policy.measureNo ?? '' })} ${policy.measure}` : '';
  return (
    <>
      {status && (
        <Tooltip title={[measure, policy.restriction && `（${policy.restriction}）`, policy.overridden && t('overriddenMark')].filter(Boolean).join('')}>
          <Tag color={ACCESS_COLORS[status]} data-testid={`access-${status}`} style={{ marginInlineEnd: 4 }}>
            {t(`status.${status}`)}
            {policy.overridden ? '*' : ''}
          </Tag>
        </Tooltip>
      )}
      {!status && policy.overridden && (
        <Tooltip title={t('overriddenMark')}>
          <Tag data-testid="access-open" style={{ marginInlineEnd: 4 }}>
            {t('status.open')}*
          </Tag>
        </Tooltip>
      )}
      {policy.encouraged && (
        <Tooltip title={policy.encouraged}>
          <Tag color="green" data-testid="access-encouraged" style={{ marginInlineEnd: 0 }}>
            {t('encouragedTag')}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}
