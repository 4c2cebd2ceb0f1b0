// Granular neighbourhoods (Toth & Vigo 2003; Vidal et al. 2013): local search only tries moves
// between a task and its k most related tasks. Relatedness mixes distance with time-window
// compatibility, as PyVRP's compute_neighbours does: going from i to j costs the arc plus a
// fraction of the waiting it forces plus the time warp it causes; the relation is symmetrised.
import type { ProblemData } from '../model/problem-data.ts';

/** Weight of forced waiting and of time warp in the proximity (PyVRP's defaults). */
export interface ProximityWeights {
  waitWeight: number;
  timeWarpWeight: number;
}

export const DEFAULT_PROXIMITY: ProximityWeights = { waitWeight: 0.2, timeWarpWeight: 1 };

/** For every task, its `size` most related other tasks among `active` ones, most related first. */
export function computeNeighbours(data: ProblemData, active: Uint8Array, size: number, params = DEFAULT_PROXIMITY): Int32Array[] {
  const { numTasks, numNodes, service, twEarly, twLate } = data;
  const { cost, duration } = data.vehicles[0]!.matrices;
  const proximity = (i: number, j: number): number => {
    const arc = i * numNodes + j;
    const wait = Math.max(twEarly[j]! - duration[arc]! - service[i]! - twLate[i]!, 0);
    const warp = Math.max(twEarly[i]! + service[i]! + duration[arc]! - twLate[j]!, 0);
    return cost[arc]! + params.waitWeight * wait + params.timeWarpWeight * warp;
  };
  const candidates: number[] = [];
  for (let t = 0; t < numTasks; t++) if (active[t]) candidates.push(t);
  const scores = new Float64Array(numTasks);
  return Array.from({ length: numTasks }, (_, i) => {
    if (!active[i]) return new Int32Array(0);
    for (const j of candidates) scores[j] = Math.min(proximity(i, j), proximity(j, i));
    const others = candidates.filter((j) => j !== i).sort((a, b) => scores[a]! - scores[b]! || a - b);
    return Int32Array.from(others.slice(0, size));
  });
}

/** For every task, all other active tasks by increasing arc cost (ruin picks strings from these). */
export function computeAdjacency(data: ProblemData, active: Uint8Array, limit: number): Int32Array[] {
  const { numTasks, numNodes } = data;
  const { cost } = data.vehicles[0]!.matrices;
  const candidates: number[] = [];
  for (let t = 0; t < numTasks; t++) if (active[t]) candidates.push(t);
  return Array.from({ length: numTasks }, (_, i) => {
    if (!active[i]) return new Int32Array(0);
    const others = candidates.filter((j) => j !== i);
    others.sort((a, b) => cost[i * numNodes + a]! - cost[i * numNodes + b]! || a - b);
    return Int32Array.from(others.slice(0, limit));
  });
}
