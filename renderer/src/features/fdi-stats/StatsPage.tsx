import { ComingSoon } from '../../components/ComingSoon';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';

export default function StatsPage() {
  const t = useT(shellMessages);
  return <ComingSoon title={t('section.stats')} />;
}
