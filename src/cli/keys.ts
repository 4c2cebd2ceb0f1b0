/** `parcelgrid keys create|list|revoke|rotate`: manage parties' API keys and the data keyring. */
import { parseArgs } from 'node:util';
import { PARTY_KINDS, SCOPES, type KeyMode, type PartyKind, type Scope } from '../platform/tenancy/model.ts';
import { createTenancyService } from '../platform/tenancy/service.ts';
import { createTenancyStore } from '../platform/tenancy/store.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { codeSets } from '../tracking/index.ts';
import { runKeysRotate } from './keys-rotate.ts';
import { openRuntime } from './runtime.ts';

const USAGE = `usage:
  parcelgrid keys create --party CODE [--kind ${PARTY_KINDS.join('|')} --name NAME [--code-set generic|kuaidi100|kdniao]] [--label L] [--mode test|live] [--scopes a,b]
  parcelgrid keys list --party CODE
  parcelgrid keys revoke --party CODE --id KEY_ID
  parcelgrid keys rotate [--reencrypt-only] [--batch-size N]`;

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], what: string): T | undefined => {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new Error(`${what} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
};

export async function runKeys(args: string[]): Promise<number> {
  if (args[0] === 'rotate') return runKeysRotate(args.slice(1));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      party: { type: 'string' },
      kind: { type: 'string' },
      name: { type: 'string' },
      'code-set': { type: 'string' },
      label: { type: 'string' },
      mode: { type: 'string' },
      scopes: { type: 'string' },
      id: { type: 'string' },
    },
  });
  const action = positionals[0];
  if (!action || !['create', 'list', 'revoke'].includes(action) || !values.party) throw new Error(USAGE);
  const runtime = await openRuntime();
  try {
    await migrateToLatest(runtime.database.db);
    const tenancy = createTenancyService(createTenancyStore(runtime.database.db));
    let party = await tenancy.findPartyByCode(values.party);
    if (action === 'create' && !party) {
      const kind = oneOf<PartyKind>(values.kind, PARTY_KINDS, '--kind');
      if (!kind || !values.name) throw new Error(`no party ${values.party} yet: add --kind and --name to register it`);
      const codeSet = oneOf(values['code-set'], codeSets, '--code-set');
      party = await tenancy.createParty({ kind, code: values.party, name: values.name, ...(codeSet ? { codeSet } : {}) });
    }
    if (!party) throw new Error(`no party with code ${values.party}`);
    if (action === 'create') {
      const scopes = values.scopes?.split(',').map((scope) => oneOf<Scope>(scope.trim(), SCOPES, 'scope') as Scope);
      const mode = oneOf<KeyMode>(values.mode, ['test', 'live'], '--mode');
      const issued = await tenancy.issueKey(party, { ...(values.label ? { label: values.label } : {}), ...(mode ? { mode } : {}), ...(scopes ? { scopes } : {}) });
      process.stdout.write(`${issued.key}\n`);
      process.stderr.write(`key ${issued.record.id} for ${party.code} (${party.kind}), scopes ${issued.record.scopes.join(' ')}. It is shown once; store it now.\n`);
    } else if (action === 'list') {
      for (const key of await tenancy.listKeys(party.id)) {
        process.stdout.write(`${key.id}  ${key.displayPrefix}…  ${key.label}  ${key.revokedAt ? `revoked ${key.revokedAt}` : `last used ${key.lastUsedAt ?? 'never'}`}\n`);
      }
    } else {
      if (!values.id) throw new Error(USAGE);
      const revoked = await tenancy.revokeKey(party.id, values.id);
      process.stdout.write(`revoked ${revoked.id} at ${revoked.revokedAt}\n`);
    }
    return 0;
  } finally {
    await runtime.release();
  }
}
