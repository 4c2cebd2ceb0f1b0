// The console shell: sign-in gate, navigation, language switch and the connection banner.
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, onApiEvent } from './api/client.ts';
import type { Me } from './api/types.ts';
import { useLocale } from './i18n/locale.tsx';
import { markOnce } from './load-marks.ts';
import { OverviewPage } from './overview/overview-page.tsx';
import { prefetchOverviewFigures, preloadOverview, preloadOverviewWhenIdle } from './overview/preload.ts';
import { ParcelsPage } from './pages/parcels.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { TrackingPage } from './pages/tracking.tsx';
import { hrefOf, useRoute, type Route } from './route.ts';
import { storedKey, storeKey, type Session } from './session.ts';

// Settings (keys, webhooks) is visited rarely; its code stays out of the chunk sign-in loads.
const SettingsPage = lazy(() => import('./pages/settings.tsx').then((module) => ({ default: module.SettingsPage })));

const NAV: readonly { route: Route; label: 'nav.overview' | 'nav.parcels' | 'nav.tracking' | 'nav.settings' }[] = [
  { route: { page: 'overview' }, label: 'nav.overview' },
  { route: { page: 'parcels' }, label: 'nav.parcels' },
  { route: { page: 'tracking', waybillNo: '' }, label: 'nav.tracking' },
  { route: { page: 'settings' }, label: 'nav.settings' },
];

/** The whole console. */
export function App() {
  const { t, locale, setLocale } = useLocale();
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => storedKey() !== null);
  const [offline, setOffline] = useState(false);
  const [keyLost, setKeyLost] = useState(false);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  useEffect(
    () =>
      onApiEvent((event) => {
        if (event === 'unauthenticated') {
          storeKey(null);
          setSession(null);
          setKeyLost(true);
        } else setOffline(event === 'offline');
      }),
    [],
  );

  // The overview's map, charts and city layers take longest to arrive: with a stored key they load
  // while the key is checked; on the sign-in page, in idle time, so the page a user signs in to
  // (the overview by default) draws without waiting for them.
  useEffect(() => {
    if (!session && !restoring) return preloadOverviewWhenIdle();
    if (route.page === 'overview') preloadOverview();
    return undefined;
  }, [session, restoring, route.page]);

  useEffect(() => {
    if (session) markOnce('pg:session');
  }, [session]);

  useEffect(() => {
    const key = storedKey();
    if (!key) return;
    if (route.page === 'overview') prefetchOverviewFigures(key);
    api<Me>(key, '/v1/me')
      .then((me) => setSession({ key, me }), () => undefined)
      .finally(() => setRestoring(false));
  }, []);

  const signIn = (next: Session) => {
    storeKey(next.key);
    setKeyLost(false);
    setSession(next);
  };
  const signOut = () => {
    storeKey(null);
    setSession(null);
  };
  const switchLanguage = (
    <button type="button" className="link" lang={locale === 'en' ? 'zh-CN' : 'en'} onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
      {t('nav.language')}
    </button>
  );

  return (
    <div className="app">
      <header className="top">
        <strong className="brand">{t('app.title')}</strong>
        {session && (
          <nav aria-label="main">
            {NAV.map((item) => (
              <a key={item.label} href={hrefOf(item.route)} aria-current={item.route.page === route.page ? 'page' : undefined}>
                {t(item.label)}
              </a>
            ))}
          </nav>
        )}
        <span className="spacer" />
        {session && <span className="who">{session.me.party.name}（{session.me.party.code}）</span>}
        {switchLanguage}
        {session && (
          <button type="button" className="link" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        )}
      </header>
      {offline && (
        <p className="banner" role="status">
          {t('common.offline')}
        </p>
      )}
      <main>
        {restoring ? (
          <p>{t('common.loading')}</p>
        ) : !session ? (
          <SignInPage onSignIn={signIn} notice={keyLost ? t('signIn.keyLost') : null} />
        ) : (
          <Suspense fallback={<p>{t('common.loading')}</p>}>
            {route.page === 'overview' && <OverviewPage session={session} />}
            {route.page === 'parcels' && <ParcelsPage session={session} />}
            {route.page === 'tracking' && <TrackingPage session={session} waybillNo={route.waybillNo} />}
            {route.page === 'settings' && <SettingsPage session={session} />}
          </Suspense>
        )}
      </main>
    </div>
  );
}
