// How a failed request reads on the page: one sentence a person can act on, never a blank screen.
import { ApiError, ConnectionError } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';

/**
 * An inline error message for a failed load, with an optional retry. A lost connection is left
 * to the app-wide banner, which says it once for the whole page.
 */
export function Problem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLocale();
  if (error === undefined || error === null || error instanceof ConnectionError) return null;
  const text = error instanceof ApiError ? `${t('common.error')}${error.message}` : `${t('common.error')}${String(error)}`;
  return (
    <p className="problem" role="alert">
      {text}
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </p>
  );
}
