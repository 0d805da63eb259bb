import { ComingSoon } from '../../components/ComingSoon';
import { useT } from '../../i18n';
import { shellMessages } from '../../i18n/shell';

export default function ChainsPage() {
  const t = useT(shellMessages);
  return <ComingSoon title={t('section.chains')} />;
}
