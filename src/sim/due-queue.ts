// A binary min-heap of work items keyed by the sim time they fall due, so each tick takes
// exactly what is due without scanning everything in flight.

export interface DueQueue<T> {
  readonly size: number;
  push(dueMs: number, item: T): void;
  /** Earliest due time, or undefined when empty. */
  peekDueMs(): number | undefined;
  /** Removes and returns every item due at or before `nowMs`, earliest first. */
  takeDue(nowMs: number): T[];
}

/** An empty queue. */
export function createDueQueue<T>(): DueQueue<T> {
  const heap: { dueMs: number; item: T }[] = [];
  const swap = (i: number, j: number) => {
    const held = heap[i] as { dueMs: number; item: T };
    heap[i] = heap[j] as { dueMs: number; item: T };
    heap[j] = held;
  };
  const dueAt = (i: number) => (heap[i] as { dueMs: number }).dueMs;
  const pop = (): T => {
    const top = heap[0] as { item: T };
    const last = heap.pop() as { dueMs: number; item: T };
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && dueAt(left) < dueAt(smallest)) smallest = left;
        if (right < heap.length && dueAt(right) < dueAt(smallest)) smallest = right;
        if (smallest === i) break;
        swap(i, smallest);
        i = smallest;
      }
    }
    return top.item;
  };
  return {
    get size() {
      return heap.length;
    },
    push(dueMs, item) {
      heap.push({ dueMs, item });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (dueAt(parent) <= dueAt(i)) break;
        swap(i, parent);
        i = parent;
      }
    },
    peekDueMs: () => (heap.length > 0 ? dueAt(0) : undefined),
    takeDue(nowMs) {
      const due: T[] = [];
      while (heap.length > 0 && dueAt(0) <= nowMs) due.push(pop());
      return due;
    },
  };
}
