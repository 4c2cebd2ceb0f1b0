/**
 * SSRF guard for webhook targets. A URL is checked when a subscription is created and again on
 * every send, at connection time (through the socket's DNS lookup), so a host name that later
 * re-resolves to an internal address is still refused.
 */
import { lookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { DomainError } from '../platform/errors.ts';
import { isPrivateAddress } from './private-address.ts';

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refusal(host: string, address: string): DomainError {
  const shown = host === address ? address : `${host} (${address})`;
  return new DomainError(
    'webhook_target_refused',
    `webhook target ${shown} is a private, loopback or link-local address; use a public host (the operator can allow private targets with PARCELGRID_ALLOW_PRIVATE_WEBHOOKS=1 for local development)`,
  );
}

/** Throws unless every address the URL's host resolves to may be reached. */
export async function assertAllowedTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await resolveAll(host);
  const blocked = addresses.find(isPrivateAddress);
  if (blocked !== undefined) throw refusal(host, blocked);
}

async function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    lookup(host, { all: true }, (error, addresses) => {
      if (error) reject(new DomainError('validation_failed', `webhook host "${host}" does not resolve (${error.code ?? error.message})`));
      else resolve(addresses.map((entry) => entry.address));
    });
  });
}

/**
 * A socket lookup that refuses private addresses, for `http.request({ lookup })`. An IP literal
 * host skips lookup, so callers check it with `assertAllowedTarget` first.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const all: LookupAllOptions = { ...options, all: true };
    lookup(hostname, all, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const blocked = allowPrivate ? undefined : addresses.find((entry) => isPrivateAddress(entry.address));
      if (blocked) return callback(refusal(hostname, blocked.address), '', 0);
      const first = addresses[0];
      if (options.all) return (callback as unknown as (e: null, list: LookupAddress[]) => void)(null, addresses);
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
