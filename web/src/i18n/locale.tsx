// The chosen language and Intl formatters, shared through React context. The choice is kept
// in localStorage; Chinese is the default.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { DICTIONARIES, type Locale, type MessageKey } from './dictionary.ts';

export interface LocaleTools {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  /** The message for a key, with {name} placeholders filled in. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A status code's label, falling back to the code itself. */
  status(code: string): string;
  /** An event type's label (`*` is "all events"), falling back to the type itself. */
  eventType(type: string): string;
  number(value: number, digits?: number): string;
  dateTime(iso: string | null): string;
  /** Display time zone: the city's, so every user reads the same local times. */
  readonly timeZone: string;
}

const STORAGE_KEY = 'parcelgrid.locale';
const CITY_TIME_ZONE = 'Asia/Shanghai';
const LocaleContext = createContext<LocaleTools | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

/** Provides the language and formatters to the app. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const tools = useMemo<LocaleTools>(() => {
    const messages: Record<string, string> = DICTIONARIES[locale];
    const numberFormats = new Map<number, Intl.NumberFormat>();
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: CITY_TIME_ZONE });
    return {
      locale,
      timeZone: CITY_TIME_ZONE,
      setLocale(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
      t: (key, values = {}) => (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)),
      status: (code) => messages[`status.${code}`] ?? code,
      eventType: (type) => messages[`event.${type}`] ?? type,
      number(value, digits = 0) {
        let format = numberFormats.get(digits);
        if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })));
        return format.format(value);
      },
      dateTime: (iso) => (iso ? dateFormat.format(new Date(iso)) : '—'),
    };
  }, [locale]);
  return <LocaleContext.Provider value={tools}>{children}</LocaleContext.Provider>;
}

/** The language tools of the surrounding provider. */
export function useLocale(): LocaleTools {
  const tools = useContext(LocaleContext);
  if (!tools) throw new Error('useLocale outside LocaleProvider');
  return tools;
}
