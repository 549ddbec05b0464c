import { Router } from 'express';
import { orderTotal } from './totals.js';

export const orders = Router();

orders.get('/', async (req, res) => {
  const rows = await req.db.query('SELECT id, status FROM orders ORDER BY id LIMIT 50');
  res.json(rows.rows);
});

orders.get('/:id', async (req, res) => {
  const { rows } = await req.db.query('SELECT id, status FROM orders WHERE id = $1', [req.params.id]);
  if (rows.length === 0) return res.status(404).end();
  res.json({ ...rows[0], total: orderTotal(rows[0].lines ?? []) });
});

orders.post('/:id/refunds', async (req, res) => {
  const amount = Number(req.body.amountCents);
  if (!Number.isInteger(amount) || amount <= 0) return res.status(400).json({ error: 'amountCents must be a positive integer' });
  const { rows } = await req.db.query(
    'INSERT INTO refunds (order_id, amount_cents) VALUES ($1, $2) RETURNING id',
    [req.params.id, amount],
  );
  await notifyRefund(rows[0].id);
  res.status(201).json({ id: rows[0].id });
});

async function notifyRefund(refundId) {
  const url = process.env.REFUNDS_WEBHOOK_URL;
  if (!url) return;
  await fetch(url, { method: 'POST', body: JSON.stringify({ refundId }) });
}
