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
