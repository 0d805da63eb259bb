import { LoadingOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import type { BackendStatusEvent } from '../../../shared/api';
import { api } from '../api/client';
import { useT } from '../i18n';
import { shellMessages } from '../i18n/shell';

/**
 * The desktop app's backend process died: says so while it restarts (the window and what is on it stay), goes once
 * it is back, and stays if it could not be restarted. Browser mode never sends these events (its backend is the
 * server itself), so there the banner never shows.
 */
export function BackendStatusBanner() {
  const t = useT(shellMessages);
  const [state, setState] = useState<BackendStatusEvent['state']>('ready');
  useEffect(() => api.onEvent((e) => e.type === 'backend' && setState(e.state)), []);
  if (state === 'ready') return null;
  return (
    <Alert
      // blue with a spinner while it restarts (apart from the yellow demo banner below it); red if it cannot
      type={state === 'failed' ? 'error' : 'info'}
      banner
      showIcon
      icon={state === 'failed' ? undefined : <LoadingOutlined />}
      title={t(state === 'failed' ? 'backendFailed' : 'backendRestarting')}
      data-testid="backend-status"
      role="alert"
    />
  );
}
