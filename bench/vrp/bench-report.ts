// Tables for the VRP benchmark: one line per instance as it finishes, mean gaps per family, and the
// markdown file written to bench/results/vrp-<set>.md.
import type { Reference } from './benchmark-sets.ts';

export interface InstanceResult {
  name: string;
  family: string;
  customers: number;
  /** Distance recomputed by the independent checker, not the solver's claim. */
  cost: number;
  reference: Reference;
  /** 100 · (cost − reference) / reference. */
  gapPercent: number;
  vehicles: number;
  seconds: number;
  feasible: boolean;
  errors: string[];
}

export interface FamilyMean {
  family: string;
  instances: number;
  meanGapPercent: number;
  infeasible: number;
  meanSeconds: number;
}

const columns = ['instance', 'cost', 'BKS', 'gap %', 'vehicles', 'seconds', 'feasible'];
const widths = [14, 12, 12, 8, 9, 8, 9];

/** The console header line and rule. */
export function consoleHeader(): string {
  const header = columns.map((column, i) => (i === 0 ? column.padEnd(widths[i]!) : column.padStart(widths[i]!))).join(' ');
  return `${header}\n${'-'.repeat(header.length)}`;
}

/** One console line per instance. */
export function consoleRow(result: InstanceResult): string {
  return cells(result)
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
    .join(' ');
}

function cells(result: InstanceResult): string[] {
  const upperBound = result.reference.inMean ? '' : ' (UB)';
  return [
    result.name,
    result.cost.toFixed(2),
    `${result.reference.value}${upperBound}`,
    formatGap(result.gapPercent),
    String(result.vehicles),
    result.seconds.toFixed(1),
    result.feasible ? 'yes' : 'NO',
  ];
}

/** Two decimals, without the "-0.00" a tiny negative gap would print. */
function formatGap(percent: number): string {
  return Math.abs(percent) < 0.005 ? '0.00' : percent.toFixed(2);
}

/** Mean gap per family (in first-seen order) and overall, over feasible instances counted in means. */
export function familyMeans(results: InstanceResult[]): FamilyMean[] {
  const families = [...new Set(results.map((result) => result.family))];
  return [...families.map((family) => meanOf(family, results.filter((r) => r.family === family))), meanOf('all', results)];
}

function meanOf(family: string, results: InstanceResult[]): FamilyMean {
  const counted = results.filter((result) => result.reference.inMean && result.feasible);
  const average = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    family,
    instances: counted.length,
    meanGapPercent: average(counted.map((result) => result.gapPercent)),
    infeasible: results.filter((result) => !result.feasible).length,
    meanSeconds: average(results.map((result) => result.seconds)),
  };
}

/** Console lines for the family means. */
export function consoleFamilyMeans(means: FamilyMean[]): string {
  return means
    .map(
      (mean) =>
        `${mean.family.padEnd(12)} mean gap ${formatGap(mean.meanGapPercent).padStart(6)} %  over ${mean.instances}` +
        `  (infeasible ${mean.infeasible}, mean ${mean.meanSeconds.toFixed(1)} s)`,
    )
    .join('\n');
}

export interface ReportContext {
  title: string;
  command: string;
  date: string;
  machine: string;
  conventions: string[];
}

/** The markdown results file for one run. */
export function markdownReport(context: ReportContext, results: InstanceResult[]): string {
  const row = (values: string[]): string => `| ${values.join(' | ')} |`;
  const means = familyMeans(results);
  const failures = results.filter((result) => !result.feasible);
  return [
    `# VRP benchmark: ${context.title}`,
    '',
    `- date: ${context.date}`,
    `- machine: ${context.machine}`,
    `- command: \`${context.command}\``,
    ...context.conventions.map((convention) => `- ${convention}`),
    '- Every cost is the distance recomputed by src/solver/check from the instance file, independent of the solver.',
    '',
    row(columns),
    row(columns.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...results.map((result) => row(cells(result))),
    '',
    row(['family', 'instances in mean', 'mean gap %', 'infeasible', 'mean seconds']),
    row(['---', '---:', '---:', '---:', '---:']),
    ...means.map((mean) =>
      row([mean.family, String(mean.instances), formatGap(mean.meanGapPercent), String(mean.infeasible), mean.meanSeconds.toFixed(1)]),
    ),
    ...(failures.length === 0 ? [] : ['', '## Infeasible', '', ...failures.map((r) => `- ${r.name}: ${r.errors.slice(0, 3).join('; ')}`)]),
    '',
  ].join('\n');
}
