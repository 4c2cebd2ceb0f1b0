// Which console actions the signed-in key may take, by the rules of the API routes behind them
// (docs/privacy.md, docs/webhooks.md). The server enforces them; the console only leaves out
// buttons that would be refused.
import type { Me, PartyKind } from './api/types.ts';

const RULES = {
  /** POST /v1/privacy/decrypt */
  reveal: { kinds: ['platform', 'carrier', 'regulator'], scope: 'pii:decrypt' },
  /** /v1/webhooks/* */
  webhooks: { kinds: ['platform', 'carrier'], scope: 'webhooks:manage' },
} as const satisfies Record<string, { kinds: readonly PartyKind[]; scope: string }>;

/** True when the signed-in party's kind and key scopes admit `action`. */
export function may(me: Me, action: keyof typeof RULES): boolean {
  const rule: { kinds: readonly PartyKind[]; scope: string } = RULES[action];
  return rule.kinds.includes(me.party.kind) && me.scopes.includes(rule.scope);
}
