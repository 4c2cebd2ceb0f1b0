/**
 * Thrown when a problem cannot be solved as given (a reference to a missing matrix row, a window
 * that ends before it starts, ...). The message names the offending object so a person can fix it.
 */
export class InvalidProblemError extends Error {
  override name = 'InvalidProblemError' as const;
}
