// Account and settings: the party signed in, its API keys (create, revoke, last used), its webhook
// subscriptions and the optional base-map tile URL kept in this browser.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { ApiKey } from '../api/types.ts';
import { useAction } from '../api/use-action.ts';
import { useApi } from '../api/use-api.ts';
import { OneTimeSecret } from '../components/one-time-secret.tsx';
import { Problem } from '../components/problem.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { readTileUrl, saveTileUrl } from '../overview/tile-setting.ts';
import type { Session } from '../session.ts';
import { WebhookSection } from '../webhooks/webhook-section.tsx';

function KeyTable({ session }: { session: Session }) {
  const { t, dateTime } = useLocale();
  const keys = useApi(() => api<{ data: ApiKey[] }>(session.key, '/v1/keys'), [session.key]);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const action = useAction();

  const run = (call: () => Promise<unknown>) => void action.run(call).then(keys.reload);
  const create = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const key = await api<ApiKey & { key: string }>(session.key, '/v1/keys', { method: 'POST', body: { label: label.trim() } });
      setCreated(key.key);
      setLabel('');
    });
  };
  const revoke = (key: ApiKey) => {
    if (confirm(t('settings.revokeConfirm', { label: key.label }))) run(() => api(session.key, `/v1/keys/${key.id}/revoke`, { method: 'POST' }));
  };
  if (keys.error instanceof ApiError && keys.error.status === 403) return <p className="hint">{t('settings.noKeysScope')}</p>;

  return (
    <>
      <Problem error={keys.error ?? action.error} onRetry={keys.reload} />
      <div className="table-scroll">
        <table className="keys">
          <thead>
            <tr>
              <th>{t('settings.label')}</th><th>{t('settings.prefix')}</th><th>{t('settings.scopes')}</th>
              <th>{t('settings.createdAt')}</th><th>{t('settings.lastUsed')}</th><th>{t('settings.state')}</th><th />
            </tr>
          </thead>
          <tbody>
            {keys.data?.data.map((key) => (
              <tr key={key.id}>
                <td>{key.label}</td>
                <td><code>{key.display_prefix}…</code></td>
                <td className="scopes">{key.scopes.join(' ')}</td>
                <td>{dateTime(key.created_at)}</td>
                <td>{key.last_used_at ? dateTime(key.last_used_at) : t('settings.never')}</td>
                <td>{key.revoked_at ? t('settings.revoked') : t('settings.active')}</td>
                <td>{!key.revoked_at && key.id !== session.me.key_id && <button type="button" className="secondary" onClick={() => revoke(key)}>{t('settings.revoke')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="inline" onSubmit={create}>
        <label>
          {t('settings.label')}
          <input name="label" value={label} maxLength={80} onChange={(event) => setLabel(event.target.value)} />
        </label>
        <button type="submit" disabled={action.busy || !label.trim()}>{t('settings.create')}</button>
      </form>
      {created && <OneTimeSecret label={t('settings.newKey')} secret={created} />}
    </>
  );
}

function TileSetting() {
  const { t } = useLocale();
  const [url, setUrl] = useState(() => readTileUrl() ?? '');
  const [saved, setSaved] = useState(false);
  const save = (event: FormEvent) => {
    event.preventDefault();
    saveTileUrl(url);
    setSaved(true);
  };
  return (
    <form className="inline" onSubmit={save}>
      <label>
        {t('settings.tiles')}
        <input name="tiles" type="url" value={url} onChange={(event) => { setUrl(event.target.value); setSaved(false); }} placeholder="https://…/{z}/{x}/{y}.png" />
      </label>
      <button type="submit">{t('settings.save')}</button>
      {saved && <span role="status">{t('settings.saved')}</span>}
      <p className="hint">{t('settings.tilesHint')}</p>
    </form>
  );
}

/** The settings page. */
export function SettingsPage({ session }: { session: Session }) {
  const { t } = useLocale();
  const { party } = session.me;
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <p>
        {t('settings.party')}: <strong>{party.name}</strong> <code>{party.code}</code> · {party.kind}
      </p>
      <h2>{t('settings.keys')}</h2>
      <KeyTable session={session} />
      <WebhookSection session={session} />
      <h2>{t('settings.tiles')}</h2>
      <TileSetting />
    </section>
  );
}
