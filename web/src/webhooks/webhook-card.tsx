// One subscription: what it receives and its state, with test-fire, pause/re-enable, secret
// rotation, replay, delete and its delivery log.
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { TestFireResult, WebhookSubscription, WebhookWithSecret } from '../api/types.ts';
import { useAction } from '../api/use-action.ts';
import { OneTimeSecret } from '../components/one-time-secret.tsx';
import { Problem } from '../components/problem.tsx';
import { useLocale } from '../i18n/locale.tsx';
import type { Session } from '../session.ts';
import { DeliveryLog } from './delivery-log.tsx';
import { ReplayForm } from './replay-form.tsx';

interface Props {
  readonly session: Session;
  readonly subscription: WebhookSubscription;
  /** The subscription changed on the server (state, secret, deleted): reload the list. */
  onChanged(): void;
}

/** The card of one subscription. */
export function WebhookCard({ session, subscription, onChanged }: Props) {
  const { t, dateTime, number, eventType } = useLocale();
  const action = useAction();
  const [showLog, setShowLog] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const [tested, setTested] = useState<TestFireResult | null>(null);
  const [rotated, setRotated] = useState<WebhookWithSecret | null>(null);
  const path = `/v1/webhooks/${encodeURIComponent(subscription.id)}`;
  const active = subscription.status === 'active';
  const attemptsChanged = () => setLogVersion((version) => version + 1);

  const post = <T,>(suffix: string, body?: unknown) => action.run(() => api<T>(session.key, `${path}/${suffix}`, { method: 'POST', ...(body === undefined ? {} : { body }) }));
  const testFire = () =>
    void post<TestFireResult>('test').then((result) => {
      if (!result) return;
      setTested(result);
      setShowLog(true);
      attemptsChanged();
      onChanged();
    });
  const setActive = () => void post(active ? 'disable' : 'enable').then((result) => result && onChanged());
  const rotate = () => {
    if (!confirm(t('webhooks.rotateConfirm'))) return;
    void post<WebhookWithSecret>('rotate-secret', {}).then((result) => {
      if (!result) return;
      setRotated(result);
      onChanged();
    });
  };
  const remove = () => {
    if (confirm(t('webhooks.deleteConfirm', { url: subscription.url }))) void action.run(() => api(session.key, path, { method: 'DELETE' })).then(onChanged);
  };

  return (
    <article className="card webhook" data-webhook={subscription.id} data-status={subscription.status}>
      <h3><code>{subscription.url}</code></h3>
      <dl>
        <dt>{t('webhooks.events')}</dt>
        <dd>{subscription.event_types.map(eventType).join('、')}</dd>
        {subscription.description && (<><dt>{t('webhooks.description')}</dt><dd>{subscription.description}</dd></>)}
        <dt>{t('settings.state')}</dt>
        <dd>
          <span className={active ? 'status status-delivered' : 'status status-exception'}>{active ? t('webhooks.active') : t('webhooks.disabled')}</span>
          {subscription.disabled_reason && <> {t('webhooks.disabledReason', { reason: subscription.disabled_reason })}</>}
          {subscription.consecutive_failures > 0 && <span className="flag"> {t('webhooks.failures', { n: number(subscription.consecutive_failures) })}</span>}
        </dd>
        <dt>{t('settings.createdAt')}</dt>
        <dd>{dateTime(subscription.created_at)}</dd>
        {subscription.previous_secret_expires_at && (<><dt>{t('webhooks.rotation')}</dt><dd>{t('webhooks.previousUntil', { time: dateTime(subscription.previous_secret_expires_at) })}</dd></>)}
      </dl>
      <div className="actions">
        <button type="button" disabled={action.busy} onClick={testFire}>{t('webhooks.test')}</button>
        <button type="button" className="secondary" aria-expanded={showLog} onClick={() => setShowLog(!showLog)}>{showLog ? t('webhooks.hideLog') : t('webhooks.log')}</button>
        <button type="button" className="secondary" disabled={action.busy} onClick={setActive}>{active ? t('webhooks.disable') : t('webhooks.enable')}</button>
        <button type="button" className="secondary" disabled={action.busy} onClick={rotate}>{t('webhooks.rotate')}</button>
        <button type="button" className="secondary danger" disabled={action.busy} onClick={remove}>{t('webhooks.delete')}</button>
      </div>
      <Problem error={action.error} />
      {tested && (
        <p className={tested.delivered ? 'ok' : 'problem'} role="status">
          {tested.delivered
            ? t('webhooks.testDelivered', { code: tested.status_code ?? '—', s: number(tested.duration_seconds, 2) })
            : t('webhooks.testFailed', { error: tested.error ?? `HTTP ${tested.status_code ?? '—'}` })}
        </p>
      )}
      {rotated && <OneTimeSecret label={t('webhooks.rotated')} secret={rotated.secret} />}
      {active ? (
        <ReplayForm session={session} subscriptionId={subscription.id} action={action} onReplayed={attemptsChanged} />
      ) : (
        <p className="hint">{t('webhooks.replayAfterEnable')}</p>
      )}
      {showLog && <DeliveryLog session={session} subscriptionId={subscription.id} version={logVersion} />}
    </article>
  );
}
