// How wide the local search looks, chosen per problem. Measured on this machine (1 thread): with
// time windows (Solomon, 5 s) a 20-neighbour granularity and the 1-2 task exchanges beat 40
// neighbours with 3-task exchanges (mean gap 0.80% against 2.66% on nine R/RC instances), because
// the iterations saved matter more; without windows (CVRPLIB X, 60 s) the wider search won
// (0.67% against 1.01% on the 16 smallest instances), as routes are longer and fewer moves are
// ruled out by time.
import type { ProblemData } from '../model/problem-data.ts';

export interface SearchProfile {
  neighbours: number;
  /** Exchange(N, M) variants to use. */
  exchanges: readonly (readonly [number, number])[];
}

const WITH_TIME_WINDOWS: SearchProfile = { neighbours: 20, exchanges: [[1, 0], [2, 0], [1, 1], [2, 1], [2, 2]] };
const WITHOUT_TIME_WINDOWS: SearchProfile = {
  neighbours: 40,
  exchanges: [[1, 0], [2, 0], [3, 0], [1, 1], [2, 1], [2, 2], [3, 1], [3, 2], [3, 3]],
};

/** The profile for `data`: tight (windowed) or wide (capacity-only) search. */
export function searchProfile(data: ProblemData): SearchProfile {
  for (let task = 0; task < data.numTasks; task++) {
    if (Number.isFinite(data.twLate[task]!) || data.twEarly[task]! > 0) return WITH_TIME_WINDOWS;
  }
  return WITHOUT_TIME_WINDOWS;
}
