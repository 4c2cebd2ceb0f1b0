// Ruin step of SISR (Christiaens & Vanden Berghe 2020, "Slack induction by string removals for
// vehicle routing problems"): around a random seed task, remove one string of consecutive tasks
// from each of a few nearby routes. Removing neighbouring strings creates room where routes meet,
// which the recreate step then fills differently.
import type { ProblemData } from '../model/problem-data.ts';
import type { SearchSolution } from '../search/search-solution.ts';
import type { Rng } from '../rng.ts';

export interface RuinParams {
  /** Average number of tasks removed (SISR's c̄). */
  averageRemoved: number;
  /** Longest string removed from one route (SISR's L^max). */
  maxStringLength: number;
  /** Probability of the split-string variant, which keeps a random sub-string of the cut in place. */
  splitRate: number;
}

export const DEFAULT_RUIN: RuinParams = { averageRemoved: 10, maxStringLength: 10, splitRate: 0.5 };

/** Removes strings of tasks from `solution` and returns the removed tasks (shipments in pairs). */
export function ruinStrings(
  data: ProblemData,
  solution: SearchSolution,
  adjacency: readonly Int32Array[],
  rng: Rng,
  params: RuinParams,
): number[] {
  const used = solution.routes.filter((r) => r.numTasks > 0);
  if (used.length === 0) return [];
  const avgTasks = used.reduce((sum, r) => sum + r.numTasks, 0) / used.length;
  const maxLength = Math.min(params.maxStringLength, avgTasks);
  const maxStrings = (4 * params.averageRemoved) / (1 + maxLength) - 1;
  const strings = Math.floor(rng.float() * maxStrings) + 1;
  const seedRoute = used[rng.int(used.length)]!;
  const seed = seedRoute.nodes[1 + rng.int(seedRoute.numTasks)]!;
  const ruined = new Set<number>();
  const removed: number[] = [];
  for (const task of [seed, ...adjacency[seed]!]) {
    if (ruined.size >= strings) break;
    const routeIndex = solution.routeOf[task]!;
    if (routeIndex < 0 || ruined.has(routeIndex)) continue;
    ruined.add(routeIndex);
    const route = solution.routes[routeIndex]!;
    const length = Math.floor(rng.float() * Math.min(route.numTasks, maxLength)) + 1;
    removed.push(...cutString(route.nodes, route.numTasks, solution.posOf[task]!, length, rng, params.splitRate));
  }
  return removeWithPartners(data, solution, removed);
}

/** Tasks of a string of `length` positions containing `pos`; the split variant spares a sub-string. */
function cutString(nodes: Int32Array, numTasks: number, pos: number, length: number, rng: Rng, splitRate: number): number[] {
  const split = length > 1 && length < numTasks && rng.float() < splitRate;
  const span = split ? Math.min(numTasks, length + 1 + rng.int(numTasks - length)) : length;
  const lowest = Math.max(1, pos - span + 1);
  const highest = Math.min(pos, numTasks - span + 1);
  const start = lowest + rng.int(highest - lowest + 1);
  const spared = span - length;
  const spareAt = start + rng.int(length + 1);
  const out: number[] = [];
  for (let p = start; p < start + span; p++) if (p < spareAt || p >= spareAt + spared) out.push(nodes[p]!);
  return out;
}

/** Takes the tasks (and the other half of each shipment) out of their routes. */
function removeWithPartners(data: ProblemData, solution: SearchSolution, tasks: number[]): number[] {
  const all = new Set<number>();
  for (const t of tasks) {
    all.add(t);
    if (data.partner[t]! >= 0) all.add(data.partner[t]!);
  }
  const byRoute = new Map<number, Set<number>>();
  for (const t of all) {
    const r = solution.routeOf[t]!;
    if (r < 0) continue;
    if (!byRoute.has(r)) byRoute.set(r, new Set());
    byRoute.get(r)!.add(t);
  }
  for (const [r, gone] of byRoute) {
    const route = solution.routes[r]!;
    route.setTasks(route.tasks().filter((t) => !gone.has(t)));
    solution.refresh(route);
    for (const t of gone) solution.unassign(t);
  }
  return [...all];
}
