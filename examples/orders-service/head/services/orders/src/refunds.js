/** The most that can still be refunded on an order, in cents. */
export function refundable(totalCents, refundedCents) {
  return Math.max(0, totalCents - refundedCents);
}
