/** Sums an order's lines in cents. */
export function orderTotal(lines) {
  return lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
}
