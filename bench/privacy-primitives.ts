// Cost of the privacy building blocks per order (sender + recipient, each with name, phone and
// address): masking, AES-256-GCM field encryption, blind indexes, both together, and decryption.
// Usage: npm run bench -- privacy-primitives [orders=5000]
import { loadavg } from 'node:os';
import { blindIndex, phoneBlindIndex, phoneLast4BlindIndex } from '../src/privacy/crypto/blind-index.ts';
import { decryptField, encryptField } from '../src/privacy/crypto/field-cipher.ts';
import { createEphemeralKeyring, type Keyring } from '../src/privacy/crypto/keyring.ts';
import { createContactProtector } from '../src/privacy/contact-protector.ts';
import { maskAddress, type PostalAddress } from '../src/privacy/model/mask-address.ts';
import { maskName } from '../src/privacy/model/mask-name.ts';
import { maskPhone } from '../src/privacy/model/mask-phone.ts';

interface PartyContact {
  readonly name: string;
  readonly phone: string;
  readonly address: Required<PostalAddress> & { readonly admin_code: string; readonly lng: number; readonly lat: number };
}

interface SampleOrder {
  readonly id: string;
  readonly sender: PartyContact;
  readonly recipient: PartyContact;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const GIVEN = ['小明', '丽', '建国', '欣怡', '伟', '子涵', '海波', '婷'];
const ROADS = ['软件园路', '中山路', '五四路', '黄河路', '长江路', '星海广场'];

function sampleParty(i: number): PartyContact {
  return {
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    phone: `+86 13${(i % 7) + 3} ${1000 + (i % 9000)} ${String((i * 37) % 10000).padStart(4, '0')}`,
    address: {
      province: '辽宁省',
      city: '大连市',
      district: '甘井子区',
      street: '凌水街道',
      detail: `${ROADS[i % ROADS.length]}${(i % 300) + 1}号${(i % 12) + 1}栋${(i % 30) + 1}0${(i % 4) + 1}室`,
      admin_code: '210211',
      lng: 121.52 + (i % 100) / 1000,
      lat: 38.86 + (i % 100) / 1000,
    },
  };
}

function sampleOrders(count: number): SampleOrder[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `o_${i}`,
    sender: sampleParty(i * 3 + 1),
    recipient: sampleParty(i),
  }));
}

const ROUNDS = 7;

interface Timing {
  /** Fastest round, the least disturbed by other load on the machine. */
  readonly best: number;
  readonly median: number;
}

type Step = readonly [name: string, work: (order: SampleOrder) => void];

// Microseconds per order for each step: one warm-up pass, then ROUNDS timed passes over all
// orders. Rounds are interleaved across steps so that load from other processes hits all alike.
function timeSteps(orders: readonly SampleOrder[], steps: readonly Step[]): Map<string, Timing> {
  const rounds = new Map<string, number[]>(steps.map(([name]) => [name, []]));
  for (let round = -1; round < ROUNDS; round++) {
    for (const [name, work] of steps) {
      const start = process.hrtime.bigint();
      for (const order of orders) work(order);
      const microseconds = Number(process.hrtime.bigint() - start) / 1000 / orders.length;
      if (round >= 0) rounds.get(name)?.push(microseconds);
    }
  }
  const timings = new Map<string, Timing>();
  for (const [name, times] of rounds) {
    times.sort((a, b) => a - b);
    timings.set(name, { best: times[0] ?? Number.NaN, median: times[Math.floor(ROUNDS / 2)] ?? Number.NaN });
  }
  return timings;
}

function maskOrder(order: SampleOrder): void {
  for (const party of [order.sender, order.recipient]) {
    maskName(party.name);
    maskPhone(party.phone);
    maskAddress(party.address);
  }
}

function encryptOrder(keyring: Keyring, order: SampleOrder): void {
  for (const [role, party] of [['sender', order.sender], ['recipient', order.recipient]] as const) {
    const prefix = `orders/${order.id}/${role}`;
    encryptField(keyring, party.name, `${prefix}.name`);
    encryptField(keyring, party.phone, `${prefix}.phone`);
    encryptField(keyring, JSON.stringify(party.address), `${prefix}.address`);
  }
}

function indexOrder(keyring: Keyring, order: SampleOrder): void {
  for (const party of [order.sender, order.recipient]) {
    phoneBlindIndex(keyring, party.phone);
    phoneLast4BlindIndex(keyring, party.phone);
    blindIndex(keyring, party.name, 'party_name');
  }
}

export default async function privacyPrimitives(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 5_000);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`orders must be a positive integer, got "${args[0]}"`);
  const keyring = createEphemeralKeyring();
  const orders = sampleOrders(count);
  const protector = createContactProtector(keyring);
  const sealed = new Map<string, { sender: string; recipient: string }>();
  const oneToken = encryptField(keyring, '13812341234', 'orders/o_0/recipient.phone');
  const steps: Step[] = [
    ['mask (3 fields × 2 parties)', maskOrder],
    ['encrypt (3 fields × 2 parties)', (order) => encryptOrder(keyring, order)],
    ['blind indexes (3 × 2 parties)', (order) => indexOrder(keyring, order)],
    [
      'contact protector × 2',
      (order) => {
        const seal = (role: string, party: PartyContact): string => {
          protector.mask(party);
          protector.phoneIndex(party.phone);
          return protector.seal(party, `orders/${order.id}/${role}`);
        };
        sealed.set(order.id, { sender: seal('sender', order.sender), recipient: seal('recipient', order.recipient) });
      },
    ],
    [
      'unseal × 2 (decrypt + parse)',
      (order) => {
        const stored = sealed.get(order.id);
        if (stored === undefined) throw new Error(`order ${order.id} was not sealed`);
        JSON.parse(decryptField(keyring, stored.sender, `orders/${order.id}/sender`));
        JSON.parse(decryptField(keyring, stored.recipient, `orders/${order.id}/recipient`));
      },
    ],
    ['decryptField (one call)', () => decryptField(keyring, oneToken, 'orders/o_0/recipient.phone')],
  ];
  const timings = timeSteps(orders, steps);

  const load = loadavg()[0]?.toFixed(1);
  console.log(`privacy primitives: ${count} orders × ${ROUNDS} rounds, Node ${process.version}, load average ${load}`);
  console.log('per order = sender + recipient, each with name, phone and address');
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(32) : cell.padStart(16))).join('');
  console.log(line(['step', 'best µs/order', 'median µs/order', 'orders/s (best)']));
  for (const [step, { best, median }] of timings) {
    console.log(line([step, best.toFixed(1), median.toFixed(1), Math.round(1e6 / best).toLocaleString('en')]));
  }
}
