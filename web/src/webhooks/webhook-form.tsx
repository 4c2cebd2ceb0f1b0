// Subscribing an endpoint: its URL, which events (all, or chosen types) and a note.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { WebhookWithSecret } from '../api/types.ts';
import type { Action } from '../api/use-action.ts';
import { useLocale } from '../i18n/locale.tsx';
import type { Session } from '../session.ts';
import { ALL_EVENTS, EVENT_TYPES } from './event-types.ts';

interface Props {
  readonly session: Session;
  readonly action: Action;
  onCreated(subscription: WebhookWithSecret): void;
}

/** The new-subscription form; clears itself once the server has the subscription. */
export function WebhookForm({ session, action, onCreated }: Props) {
  const { t, eventType } = useLocale();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<ReadonlySet<string>>(() => new Set([ALL_EVENTS]));
  const toggle = (type: string) =>
    setTypes((current) => {
      const next = new Set(current);
      if (!next.delete(type)) next.add(type);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // "All events" makes the chosen types redundant; the server refuses overlapping filters only when repeated.
    const eventTypes = types.has(ALL_EVENTS) ? [ALL_EVENTS] : [...types];
    void action
      .run(() => api<WebhookWithSecret>(session.key, '/v1/webhooks', { method: 'POST', body: { url: url.trim(), event_types: eventTypes, ...(description.trim() ? { description: description.trim() } : {}) } }))
      .then((created) => {
        if (!created) return;
        setUrl('');
        setDescription('');
        onCreated(created);
      });
  };

  return (
    <form className="webhook-form" onSubmit={submit}>
      <label className="grow">
        {t('webhooks.url')}
        <input name="webhook_url" type="url" required maxLength={2048} placeholder="https://hooks.example.com/parcelgrid" value={url} onChange={(event) => setUrl(event.target.value)} />
      </label>
      <fieldset className="event-types">
        <legend>{t('webhooks.events')}</legend>
        {[ALL_EVENTS, ...EVENT_TYPES].map((type) => (
          <label key={type}>
            <input type="checkbox" name="event_type" value={type} checked={types.has(type)} disabled={type !== ALL_EVENTS && types.has(ALL_EVENTS)} onChange={() => toggle(type)} />
            {eventType(type)} {type !== ALL_EVENTS && <code>{type}</code>}
          </label>
        ))}
      </fieldset>
      <label className="grow">
        {t('webhooks.description')}
        <input name="webhook_description" maxLength={200} value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <button type="submit" disabled={action.busy || !url.trim() || types.size === 0}>{t('webhooks.create')}</button>
    </form>
  );
}
