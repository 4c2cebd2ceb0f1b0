// "Reveal" on a parcel's timeline: asks for the purpose and the person (reveal-form.tsx), finds the
// parcel's order through its waybill, calls the audited POST /v1/privacy/decrypt and shows the
// plaintext with the audit entry it produced. The plaintext lives only in this component's state:
// hiding it, or leaving the parcel, drops it.
import { useState } from 'react';
import { SCENES } from '../../../src/privacy/model/scenes.ts';
import { api, ApiError, apiWithDate } from '../api/client.ts';
import type { Contact, DecryptResult, Timeline, Waybill } from '../api/types.ts';
import { useAction } from '../api/use-action.ts';
import { Problem } from '../components/problem.tsx';
import { useLocale, type LocaleTools } from '../i18n/locale.tsx';
import type { Session } from '../session.ts';
import { RevealForm, type RevealRequest } from './reveal-form.tsx';

interface Revealed {
  readonly result: DecryptResult;
  /** When the server answered (its Date header), or when the answer arrived. */
  readonly at: string;
}

/** A failed reveal as one sentence, or null when the generic problem line says it best. */
function revealProblem(error: unknown, t: LocaleTools['t']): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 429) return t('reveal.rateLimited', { s: error.retryAfterSeconds ?? 60 });
  if (error.status === 403) return t('reveal.forbidden', { detail: error.message });
  if (error.status === 404) return t('reveal.notFound');
  return null;
}

function ContactBlock({ title, contact }: { title: string; contact: Contact }) {
  const { t } = useLocale();
  const { address } = contact;
  return (
    <div className="contact">
      <h3>{title}</h3>
      <dl>
        <dt>{t('reveal.name')}</dt>
        <dd>{contact.name}</dd>
        <dt>{t('reveal.phone')}</dt>
        <dd><a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a></dd>
        <dt>{t('reveal.address')}</dt>
        <dd>{[address.province, address.city, address.district, address.street, address.detail].filter(Boolean).join(' ')}</dd>
      </dl>
    </div>
  );
}

function RevealedContacts({ revealed, onHide }: { revealed: Revealed; onHide(): void }) {
  const { t, locale, dateTime } = useLocale();
  const { result, at } = revealed;
  const scene = SCENES.find((candidate) => candidate.code === result.purpose);
  const purpose = scene ? (locale === 'en' ? scene.en : scene.zh) : result.purpose;
  const item = result.items[0];
  return (
    <section className="revealed" aria-label={t('reveal.open')}>
      <p className="audited" role="status">{t('reveal.audited', { id: result.audit_id, time: dateTime(at), purpose })}</p>
      {item?.status === 410 && <p className="problem" role="alert">{t('reveal.erased')}</p>}
      {item !== undefined && item.status !== 200 && item.status !== 410 && <p className="problem" role="alert">{t('reveal.notFound')}</p>}
      <div className="contacts">
        {item?.sender && <ContactBlock title={t('reveal.sender')} contact={item.sender} />}
        {item?.recipient && <ContactBlock title={t('reveal.recipient')} contact={item.recipient} />}
      </div>
      <button type="button" className="secondary" onClick={onHide}>{t('reveal.hide')}</button>
    </section>
  );
}

/** The reveal action for one parcel; render it only for keys that may decrypt (access.ts). */
export function RevealContact({ session, timeline }: { session: Session; timeline: Timeline }) {
  const { t } = useLocale();
  const [asking, setAsking] = useState(false);
  const action = useAction();
  const [revealed, setRevealed] = useState<Revealed | null>(null);

  const reveal = (request: RevealRequest) =>
    void action.run(async () => {
      const waybill = await api<Waybill>(session.key, `/v1/waybills/${encodeURIComponent(timeline.waybill_id)}`);
      const { body, date } = await apiWithDate<DecryptResult>(session.key, '/v1/privacy/decrypt', {
        method: 'POST',
        body: {
          purpose: request.purpose,
          ...(request.caseRef ? { case_ref: request.caseRef } : {}),
          actor: { id: request.actorId, ...(request.actorName ? { name: request.actorName } : {}) },
          items: [{ order_id: waybill.order_id }],
        },
      });
      setRevealed({ result: body, at: date ?? new Date().toISOString() });
      setAsking(false);
    });

  const sentence = revealProblem(action.error, t);
  return (
    <div className="reveal">
      {revealed ? (
        <RevealedContacts revealed={revealed} onHide={() => setRevealed(null)} />
      ) : asking ? (
        <RevealForm kind={session.me.party.kind} busy={action.busy} onSubmit={reveal} onCancel={() => { setAsking(false); action.clear(); }} />
      ) : (
        <button type="button" onClick={() => setAsking(true)}>{t('reveal.open')}</button>
      )}
      {sentence ? <p className="problem" role="alert">{sentence}</p> : <Problem error={action.error} />}
    </div>
  );
}
