// The search driver: iterated local search with late-acceptance hill climbing (Burke & Bykov 2017,
// "The late acceptance hill-climbing heuristic"), as in PyVRP's IteratedLocalSearch. Each iteration
// ruins and recreates part of the current solution (SISR strings, Christiaens & Vanden Berghe 2020),
// improves it with granular local search, and accepts it when it beats the current solution or
// the solution accepted `historyLength` iterations ago. Infeasible solutions are priced by the
// adaptive penalties; only feasible ones can become the best.
import type { ProblemData } from '../model/problem-data.ts';
import { exchange } from '../search/exchange.ts';
import { LocalSearch } from '../search/local-search.ts';
import { computeAdjacency, computeNeighbours, DEFAULT_PROXIMITY, type ProximityWeights } from '../search/neighbourhood.ts';
import { SearchSolution } from '../search/search-solution.ts';
import { swapTails } from '../search/swap-tails.ts';
import { twoOpt } from '../search/two-opt.ts';
import type { SearchProgress, StoppingCriterion } from '../stop/stopping-criteria.ts';
import { PenaltyManager } from './penalty-manager.ts';
import { searchProfile } from './search-profile.ts';
import { GreedyRecreate } from './recreate-greedy.ts';
import { Rng } from '../rng.ts';
import { repairFeasibility, REPAIR_BOOST } from './repair.ts';
import { DEFAULT_RUIN, ruinStrings, type RuinParams } from './ruin-strings.ts';

export interface IlsParams {
  seed: number;
  /** Length of the late-acceptance history. */
  historyLength: number;
  /** Restart from the best solution after this many iterations without improvement. */
  restartAfter: number;
  /** Neighbours per task; the problem's search profile decides when undefined. */
  neighbourhoodSize?: number;
  proximity: ProximityWeights;
  ruin: RuinParams;
}

/** Penalty multipliers tried in turn by the final repair. */
const FINAL_REPAIR_BOOSTS = [REPAIR_BOOST, 100 * REPAIR_BOOST, 10_000 * REPAIR_BOOST];

export const DEFAULT_ILS: IlsParams = {
  seed: 1,
  historyLength: 100,
  restartAfter: 20_000,
  proximity: DEFAULT_PROXIMITY,
  ruin: DEFAULT_RUIN,
};

export interface IlsState extends SearchProgress {
  /** Objective of the best feasible solution so far (Infinity until there is one). */
  bestCost: number;
  feasible: boolean;
}

/** Hooks for progress reporting; all optional. */
export interface IlsCallbacks {
  onIteration?: (state: IlsState) => void;
  onBest?: (state: IlsState) => void;
}

export interface IlsResult {
  /** Task lists per vehicle of the best solution (the best feasible one when any was found). */
  plan: number[][];
  objective: number;
  feasible: boolean;
  iterations: number;
}

/** Runs the search over the `active` tasks of `data` until `stop` says so. */
export function iteratedLocalSearch(
  data: ProblemData,
  active: Uint8Array,
  stop: StoppingCriterion,
  params: IlsParams = DEFAULT_ILS,
  callbacks: IlsCallbacks = {},
): IlsResult {
  const started = performance.now();
  const rng = new Rng(params.seed);
  const profile = searchProfile(data);
  const neighbours = computeNeighbours(data, active, params.neighbourhoodSize ?? profile.neighbours, params.proximity);
  const adjacency = computeAdjacency(data, active, 100);
  const operators = [
    ...profile.exchanges.map(([n, m]) => exchange(data, n, m)),
    swapTails(data),
    twoOpt(data),
  ];
  const localSearch = new LocalSearch(data, neighbours, operators, rng);
  const recreate = new GreedyRecreate(data, rng);
  const penaltyManager = new PenaltyManager(data);
  const { penalties } = penaltyManager;
  const solution = new SearchSolution(data, active);

  recreate.run(solution, [], penalties);
  localSearch.markAllPromising();
  localSearch.run(solution, penalties);

  let current = solution.plan();
  let currentCost = solution.penalisedCost(penalties);
  const history = new Float64Array(params.historyLength).fill(currentCost);
  const best = { plan: current, objective: Infinity, feasible: false, penalised: Infinity };
  const state: IlsState = { iteration: 0, elapsedMs: 0, iterationsWithoutImprovement: 0, bestCost: Infinity, feasible: false };
  const recordBest = (cost: number): void => {
    const feasible = solution.isFeasible();
    const objective = solution.objective();
    const better = feasible ? !best.feasible || objective < best.objective - 1e-9 : !best.feasible && cost < best.penalised;
    if (!better) return;
    Object.assign(best, { plan: solution.plan(), objective, feasible, penalised: cost });
    state.iterationsWithoutImprovement = 0;
    state.bestCost = feasible ? objective : Infinity;
    state.feasible = feasible;
    if (feasible) callbacks.onBest?.(state);
  };
  recordBest(currentCost);

  const timeUp = (): boolean => {
    state.elapsedMs = performance.now() - started;
    return stop(state);
  };
  while (!stop(state)) {
    const removed = ruinStrings(data, solution, adjacency, rng, params.ruin);
    recreate.run(solution, removed, penalties);
    for (const task of removed) localSearch.markAround(task, solution);
    localSearch.run(solution, penalties, timeUp);
    penaltyManager.register(solution);
    // Until a first feasible solution exists, every infeasible one gets one repair attempt under
    // boosted penalties (HGS's repair step): large, tightly windowed instances otherwise spend the
    // whole time limit near, but not at, feasibility.
    if (!best.feasible && !solution.isFeasible()) repairFeasibility(solution, localSearch, penalties, [REPAIR_BOOST]);
    const cost = solution.penalisedCost(penalties);
    state.iterationsWithoutImprovement++;
    recordBest(cost);

    const slot = state.iteration % params.historyLength;
    if (cost < history[slot]! || cost < currentCost) {
      current = solution.plan();
      currentCost = cost;
    } else {
      solution.load(current);
    }
    if (currentCost < history[slot]!) history[slot] = currentCost;
    if (state.iterationsWithoutImprovement > 0 && state.iterationsWithoutImprovement % params.restartAfter === 0) {
      solution.load(best.plan);
      current = best.plan;
      currentCost = solution.penalisedCost(penalties);
      history.fill(currentCost);
    }
    state.iteration++;
    state.elapsedMs = performance.now() - started;
    callbacks.onIteration?.(state);
  }
  if (!best.feasible) {
    // Last resort when time ran out first: rebuild the violating routes with ever higher weights.
    solution.load(best.plan);
    repairFeasibility(solution, localSearch, penalties, FINAL_REPAIR_BOOSTS, recreate);
    recordBest(solution.penalisedCost(penalties));
  }
  return { plan: best.plan, objective: best.objective, feasible: best.feasible, iterations: state.iteration };
}
