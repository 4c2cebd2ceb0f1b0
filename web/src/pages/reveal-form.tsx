// The questions asked before contact details are revealed: why (one of the fixed purposes the
// API accepts), who is asking, and for a regulator's purposes which case file. The person is
// remembered for this tab, so a dispatcher does not retype it for every parcel.
import { useState, type FormEvent } from 'react';
import { REGULATOR_SCENES, SCENES, type Scene } from '../../../src/privacy/model/scenes.ts';
import type { PartyKind } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';

export interface RevealRequest {
  readonly purpose: Scene;
  /** Empty unless the purpose is a regulator's. */
  readonly caseRef: string;
  readonly actorId: string;
  readonly actorName: string;
}

const ACTOR_KEY = 'parcelgrid.actor';

/** The purposes a party of `kind` may name: a regulator only its own, everyone else the rest. */
export function purposesFor(kind: PartyKind): readonly (typeof SCENES)[number][] {
  return SCENES.filter((scene) => REGULATOR_SCENES.includes(scene.code) === (kind === 'regulator'));
}

function rememberedActor(): { id: string; name: string } {
  try {
    const stored = JSON.parse(sessionStorage.getItem(ACTOR_KEY) ?? '{}') as { id?: unknown; name?: unknown };
    return { id: typeof stored.id === 'string' ? stored.id : '', name: typeof stored.name === 'string' ? stored.name : '' };
  } catch {
    return { id: '', name: '' };
  }
}

interface Props {
  readonly kind: PartyKind;
  readonly busy: boolean;
  onSubmit(request: RevealRequest): void;
  onCancel(): void;
}

/** The reveal form; nothing is sent until every required answer is given. */
export function RevealForm({ kind, busy, onSubmit, onCancel }: Props) {
  const { t, locale } = useLocale();
  const purposes = purposesFor(kind);
  const [purpose, setPurpose] = useState<Scene | ''>(purposes.length === 1 ? (purposes[0]?.code ?? '') : '');
  const [caseRef, setCaseRef] = useState('');
  const [actor, setActor] = useState(rememberedActor);
  const needsCase = purpose !== '' && REGULATOR_SCENES.includes(purpose);
  const complete = purpose !== '' && actor.id.trim() !== '' && (!needsCase || caseRef.trim() !== '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    sessionStorage.setItem(ACTOR_KEY, JSON.stringify(actor));
    onSubmit({ purpose, caseRef: needsCase ? caseRef.trim() : '', actorId: actor.id.trim(), actorName: actor.name.trim() });
  };

  return (
    <form className="reveal-form inline" onSubmit={submit} aria-label={t('reveal.open')}>
      <label>
        {t('reveal.purpose')}
        <select name="purpose" required autoFocus value={purpose} onChange={(event) => setPurpose(event.target.value as Scene)}>
          <option value="" disabled>{t('reveal.choosePurpose')}</option>
          {purposes.map((scene) => <option key={scene.code} value={scene.code}>{locale === 'en' ? scene.en : scene.zh}</option>)}
        </select>
      </label>
      {needsCase && (
        <label>
          {t('reveal.caseRef')}
          <input name="case_ref" required maxLength={100} value={caseRef} onChange={(event) => setCaseRef(event.target.value)} />
        </label>
      )}
      <label>
        {t('reveal.actorId')}
        <input name="actor_id" required maxLength={64} autoComplete="off" value={actor.id} onChange={(event) => setActor({ ...actor, id: event.target.value })} />
      </label>
      <label>
        {t('reveal.actorName')}
        <input name="actor_name" maxLength={64} autoComplete="off" value={actor.name} onChange={(event) => setActor({ ...actor, name: event.target.value })} />
      </label>
      <button type="submit" disabled={busy || !complete}>{busy ? t('reveal.busy') : t('reveal.submit')}</button>
      <button type="button" className="secondary" onClick={onCancel}>{t('reveal.cancel')}</button>
      <p className="hint">{t('reveal.auditNote')}</p>
    </form>
  );
}
