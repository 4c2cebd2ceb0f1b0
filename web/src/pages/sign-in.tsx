// Sign-in: paste an API key, or in demo mode pick one of the demo parties' keys.
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { Problem } from '../components/problem.tsx';
import { useLocale } from '../i18n/locale.tsx';
import type { Session } from '../session.ts';

interface DemoKey {
  readonly party_code: string;
  readonly key: string;
}

/** The sign-in form; `notice` explains why the user was signed out, if they were. */
export function SignInPage({ onSignIn, notice }: { onSignIn: (session: Session) => void; notice: string | null }) {
  const { t } = useLocale();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [rejected, setRejected] = useState(false);
  const [busy, setBusy] = useState(false);
  const [demoKeys, setDemoKeys] = useState<readonly DemoKey[]>([]);

  useEffect(() => {
    api<{ data: DemoKey[] }>(null, '/v1/console/demo-keys').then((reply) => setDemoKeys(reply.data), () => setDemoKeys([]));
  }, []);

  async function signIn(candidate: string) {
    setBusy(true);
    setError(null);
    setRejected(false);
    try {
      const me = await api<Me>(candidate, '/v1/me');
      onSignIn({ key: candidate, me });
    } catch (failure) {
      if (failure instanceof ApiError && (failure.status === 401 || failure.status === 403)) setRejected(true);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) void signIn(key.trim());
  };

  return (
    <section className="card sign-in">
      <h1>{t('signIn.title')}</h1>
      {notice && <p className="problem" role="alert">{notice}</p>}
      <form onSubmit={submit}>
        <label>
          {t('signIn.key')}
          <input name="key" type="password" autoComplete="off" autoFocus value={key} onChange={(event) => setKey(event.target.value)} placeholder="pgk_test_…" />
        </label>
        <button type="submit" disabled={busy || !key.trim()}>
          {t('signIn.submit')}
        </button>
      </form>
      <p className="hint">{t('signIn.hint')}</p>
      {rejected && <p className="problem" role="alert">{t('signIn.rejected')}</p>}
      <Problem error={error} />
      {demoKeys.length > 0 && (
        <div className="demo-keys">
          <h2>{t('signIn.demo')}</h2>
          <p className="hint">{t('signIn.demoHint')}</p>
          {demoKeys.map((demo) => (
            <button key={demo.party_code} type="button" className="secondary" disabled={busy} onClick={() => void signIn(demo.key)}>
              {demo.party_code}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
