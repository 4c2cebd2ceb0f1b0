// Webhook subscriptions on the settings page: the party's subscriptions and a form for a new one.
// Only platforms and carriers receive events; other parties get a sentence saying so.
import { useState } from 'react';
import { may } from '../access.ts';
import { api } from '../api/client.ts';
import type { Page, WebhookSubscription } from '../api/types.ts';
import { useAction } from '../api/use-action.ts';
import { useApi } from '../api/use-api.ts';
import { OneTimeSecret } from '../components/one-time-secret.tsx';
import { Problem } from '../components/problem.tsx';
import { useLocale } from '../i18n/locale.tsx';
import type { Session } from '../session.ts';
import { WebhookCard } from './webhook-card.tsx';
import { WebhookForm } from './webhook-form.tsx';

/** A party has at most 25 subscriptions, so one page holds them all. */
const LIST_PATH = '/v1/webhooks?limit=100';

function Subscriptions({ session }: { session: Session }) {
  const { t } = useLocale();
  const list = useApi(() => api<Page<WebhookSubscription>>(session.key, LIST_PATH), [session.key]);
  const creating = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <Problem error={list.error} onRetry={list.reload} />
      {list.data?.data.length === 0 && <p className="hint">{t('webhooks.none')}</p>}
      <div className="webhooks">
        {list.data?.data.map((subscription) => <WebhookCard key={subscription.id} session={session} subscription={subscription} onChanged={list.reload} />)}
      </div>
      <h3>{t('webhooks.new')}</h3>
      <WebhookForm session={session} action={creating} onCreated={(created) => { setSecret(created.secret); list.reload(); }} />
      <Problem error={creating.error} />
      {secret && <OneTimeSecret label={t('webhooks.secret')} secret={secret} />}
    </>
  );
}

/** The webhook part of the settings page. */
export function WebhookSection({ session }: { session: Session }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('webhooks.title')}</h2>
      <p className="hint">{t('webhooks.intro')}</p>
      {may(session.me, 'webhooks') ? <Subscriptions session={session} /> : <p className="hint">{t('webhooks.noScope')}</p>}
    </section>
  );
}
