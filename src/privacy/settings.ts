/** The privacy capability's settings, with defaults that follow the issue and Taobao practice. */

export interface PrivacySettings {
  /** Days after delivery before an order's personal data is erased. */
  readonly retentionDays: number;
  /** Days after delivery that a virtual number keeps working. */
  readonly virtualNumberDays: number;
  /** Host numbers the courier dials before the 4-digit extension; tried in order. */
  readonly virtualNumberHosts: readonly string[];
  /** How often a running server runs the retention job. */
  readonly retentionIntervalSeconds: number;
  /** Decrypt calls per key per minute. */
  readonly decryptCallsPerMinute: number;
  /** Decrypted items per key per hour. */
  readonly decryptItemsPerHour: number;
  /** The clock; tests inject one. */
  readonly now: () => Date;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  retentionDays: 90,
  virtualNumberDays: 15,
  // 171 is a Chinese virtual-operator prefix; operators configure the numbers they lease.
  virtualNumberHosts: ['17100000000'],
  retentionIntervalSeconds: 3600,
  decryptCallsPerMinute: 10,
  decryptItemsPerHour: 1000,
  now: () => new Date(),
};

/** Settings from `PARCELGRID_RETENTION_DAYS`, `PARCELGRID_VIRTUAL_NUMBER_DAYS` and `PARCELGRID_VIRTUAL_NUMBER_HOSTS` (comma-separated). */
export function privacySettingsFromEnv(env: NodeJS.ProcessEnv): Partial<PrivacySettings> {
  const days = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of days, got "${text}"`);
    return value;
  };
  const retentionDays = days('PARCELGRID_RETENTION_DAYS');
  const virtualNumberDays = days('PARCELGRID_VIRTUAL_NUMBER_DAYS');
  const hosts = env['PARCELGRID_VIRTUAL_NUMBER_HOSTS']?.split(',').map((host) => host.trim()).filter(Boolean);
  return {
    ...(retentionDays === undefined ? {} : { retentionDays }),
    ...(virtualNumberDays === undefined ? {} : { virtualNumberDays }),
    ...(hosts && hosts.length > 0 ? { virtualNumberHosts: hosts } : {}),
  };
}
