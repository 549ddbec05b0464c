/** Tokens set aside for one model call until its real usage is known. */
export interface BudgetReservation {
  /** Replaces the estimate with what the API reported (all input, cached or not); keeps it if unknown. */
  settle(actualInputTokens: number | undefined): void;
}

/** The input-token allowance of one run, shared by the narrative and every area review. */
export interface InputTokenBudget {
  readonly limit: number;
  /** Tokens reserved or spent so far. */
  used(): number;
  remaining(): number;
  /** Sets tokens aside for a call, or returns undefined when they would exceed the limit. */
  reserve(estimate: number): BudgetReservation | undefined;
}

/**
 * Creates a run's budget. Reservation happens before a request is sent, synchronously, so
 * calls started together cannot overrun it; cached tokens count like any others.
 */
export function createInputTokenBudget(limit: number): InputTokenBudget {
  let used = 0;
  return {
    limit,
    used: () => used,
    remaining: () => Math.max(0, limit - used),
    reserve(estimate) {
      if (estimate <= 0 || used + estimate > limit) return undefined;
      used += estimate;
      let settled = false;
      return {
        settle(actual) {
          if (settled || actual === undefined) return;
          settled = true;
          used += actual - estimate;
        },
      };
    },
  };
}
