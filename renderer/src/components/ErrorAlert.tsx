import { Alert, Button } from 'antd';
import { ApiError } from '../api/client';

/** Shows a failed call: the Chinese message, its code for support, and each problem when there are some. */
export function ErrorAlert({ error, onRetry, retryLabel }: { error: unknown; onRetry?: () => void; retryLabel?: string }) {
  const data = error instanceof ApiError ? error.error : { code: 'INTERNAL', message: String((error as Error)?.message ?? error) };
  return (
    <Alert
      type="error"
      showIcon
      title={`${data.message}（${data.code}）`}
      description={
        'problems' in data && data.problems?.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {data.problems.slice(0, 20).map((p, i) => (
              <li key={i}>{[p.column, p.message].filter(Boolean).join('：')}</li>
            ))}
          </ul>
        ) : undefined
      }
      action={onRetry ? <Button onClick={onRetry}>{retryLabel ?? '重试'}</Button> : undefined}
    />
  );
}

/** The message to show in a toast for a failed call. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? `${error.error.message}（${error.error.code}）` : String((error as Error)?.message ?? error);
}
