import express from 'express';
import pg from 'pg';
import { orders } from './routes.js';

const app = express();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
app.use(express.json());
app.use((req, _res, next) => {
  req.db = pool;
  next();
});
app.use('/orders', orders);
app.listen(Number(process.env.PORT ?? 3000));
