// The four benchmark sets: where their files live, which BKS column each is compared with, and how
// instances group into families for the mean gaps. Conventions are printed with every run.
import { readCvrplib } from '../../src/solver/io/read-cvrplib.ts';
import { readSolomon } from '../../src/solver/io/read-solomon.ts';
import type { RoutingInstance } from '../../src/solver/io/routing-instance.ts';
import type { BenchmarkSet } from './bench-args.ts';
import { readBksTable } from './bks-csv.ts';

/** The best-known value an instance is compared with. */
export interface Reference {
  value: number;
  /** BKS column the value comes from. */
  column: string;
  /** False for the rows reported against an upper bound only (kept out of the means). */
  inMean: boolean;
}

export interface BenchmarkInstance {
  name: string;
  file: URL;
  customers: number;
  family: string;
  reference: Reference;
}

export interface BenchmarkSetDefinition {
  title: string;
  conventions: string[];
  read: (text: string, source: string) => RoutingInstance;
  /** Instances in the BKS table's order. */
  instances: (dataDir: URL) => BenchmarkInstance[];
}

/** Solomon rows whose distance-only value lies below a proven lower bound (see the data README). */
const impossibleDistonlyFlag = 'distonly<dimacs_opt(LB)';

const solomonConventions = [
  'Euclidean distances unrounded (double precision); travel time = distance; waiting allowed, service must start by the due date; back at the depot by its due date.',
  "Objective: total distance; any number of vehicles up to the file's NUMBER.",
];

/** C1, C2, R1, R2, RC1, RC2 from a Solomon or G&H name (c101, rc2_10_3). */
function timeWindowFamily(name: string): string {
  const match = /^(rc|r|c)(\d)/i.exec(name);
  return match ? `${match[1]!.toUpperCase()}${match[2]}` : 'other';
}

/** X instances grouped by customer count, since X has no families. */
function sizeBand(customers: number): string {
  const bands = [200, 300, 400, 600, 800, 1000];
  const upper = bands.find((limit) => customers <= limit) ?? Infinity;
  const lower = bands[bands.indexOf(upper) - 1] ?? 100;
  return `n ${lower + 1}-${upper}`;
}

function gehringHomberger(size: 200 | 1000, column: string, comparedWith: string): BenchmarkSetDefinition {
  return {
    title: `Gehring-Homberger ${size}`,
    conventions: [...solomonConventions, comparedWith],
    read: readSolomon,
    instances: (dataDir) =>
      [...readBksTable(new URL('gehring-homberger/bks.csv', dataDir)).values()]
        .filter((row) => row['customers'] === String(size))
        .map((row) => {
          const name = row['instance']!;
          return {
            name,
            file: new URL(`gehring-homberger/instances/${size}/${name}.txt`, dataDir),
            customers: size,
            family: timeWindowFamily(name),
            reference: { value: Number(row[column]), column, inMean: true },
          };
        }),
  };
}

export const benchmarkSetDefinitions: Record<BenchmarkSet, BenchmarkSetDefinition> = {
  solomon: {
    title: 'Solomon (100 customers)',
    conventions: [
      ...solomonConventions,
      `Compared with distonly_distance of solomon/bks.csv (distance-only BKS); r109 and rc103, flagged ${impossibleDistonlyFlag}, are compared with the hierarchical \`distance\` as an upper bound and left out of the means.`,
    ],
    read: readSolomon,
    instances: (dataDir) =>
      [...readBksTable(new URL('solomon/bks.csv', dataDir)).values()].map((row) => {
        const name = row['instance']!;
        const impossible = (row['flags'] ?? '').includes(impossibleDistonlyFlag);
        const column = impossible ? 'distance' : 'distonly_distance';
        return {
          name,
          file: new URL(`solomon/instances/${name}.txt`, dataDir),
          customers: 100,
          family: row['group'] ?? timeWindowFamily(name),
          reference: { value: Number(row[column]), column, inMean: !impossible },
        };
      }),
  },
  gh200: gehringHomberger(
    200,
    'distance',
    'Compared with `distance` of gehring-homberger/bks.csv: the hierarchical BKS (vehicles first), so a distance-only run can beat it (negative gap).',
  ),
  gh1000: gehringHomberger(
    1000,
    'dimacs_distonly_distance',
    'Compared with dimacs_distonly_distance (CVRPLIB distance-only BKS, distances truncated to 1 decimal), which is slightly lower than the same routes measured unrounded: gaps are biased upwards.',
  ),
  x: {
    title: 'CVRPLIB X',
    conventions: [
      'Distances nint-rounded Euclidean (TSPLIB EUC_2D); no time windows; unlimited vehicles (fleet bound floor(2·demand/capacity)+1, see docs/solver.md).',
      'Objective: total rounded distance, compared with bks_cost of cvrplib-x/bks.csv. Families are size bands of customer counts.',
    ],
    read: readCvrplib,
    instances: (dataDir) =>
      [...readBksTable(new URL('cvrplib-x/bks.csv', dataDir)).values()].map((row) => {
        const name = row['instance']!;
        const customers = Number(row['n']) - 1;
        return {
          name,
          file: new URL(`cvrplib-x/instances/${name}.vrp`, dataDir),
          customers,
          family: sizeBand(customers),
          reference: { value: Number(row['bks_cost']), column: 'bks_cost', inMean: true },
        };
      }),
  },
};
