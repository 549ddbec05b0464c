import { describe, expect, it } from 'vitest';
import { databaseOfSetting, databaseOfUrl } from '../../src/discovery/settings/database-of-setting.js';

describe('databaseOfUrl', () => {
  it.each([
    ['postgres://u:p@localhost:5432/app', 'postgresql'],
    ['postgresql+asyncpg://localhost/app', 'postgresql'],
    ['mysql+pymysql://root@db/app', 'mysql'],
    ['sqlite:///./app.db', 'sqlite'],
    ['sqlite::memory:', 'sqlite'],
    ['mongodb+srv://cluster0.example.net/app', 'mongodb'],
    ['rediss://cache:6380/0', 'redis'],
    ['amqp://guest:guest@rabbit:5672', 'rabbitmq'],
    ['jdbc:postgresql://localhost:5432/app', 'postgresql'],
    ['jdbc:h2:mem:test', 'h2'],
    ['jdbc:sqlserver://db:1433;databaseName=app', 'sqlserver'],
    ['jdbc:tc:mysql:8:///app', 'mysql'],
    ['r2dbc:mariadb://db/app', 'mariadb'],
  ])('reads %s as %s', (url, store) => {
    expect(databaseOfUrl(url)).toBe(store);
  });

  it.each([
    'https://sentry.example.com/1',
    'localhost:5432',
    'postgres',
    'file:///tmp/x',
    'jdbc:hsqldb:mem:x',
  ])('names no store for %s', (value) => {
    expect(databaseOfUrl(value)).toBeUndefined();
  });
});

describe('databaseOfSetting', () => {
  it('reads drivers only under a database-driver key', () => {
    expect(databaseOfSetting('DB_CONNECTION', 'pgsql')).toBe('postgresql');
    expect(databaseOfSetting('TYPEORM_CONNECTION', 'mysql')).toBe('mysql');
    expect(databaseOfSetting('APP_DB_CLIENT', 'better-sqlite3')).toBe('sqlite');
    expect(databaseOfSetting('LOG_CHANNEL', 'mysql')).toBeUndefined();
    expect(databaseOfSetting('DB_HOST', 'postgres')).toBeUndefined();
  });

  it('takes Redis as a cache or queue backend, and the default of a Spring placeholder', () => {
    expect(databaseOfSetting('QUEUE_CONNECTION', 'redis')).toBe('redis');
    expect(databaseOfSetting('CACHE_STORE', 'database')).toBeUndefined();
    expect(databaseOfSetting('spring.datasource.url', '${JDBC_URL:jdbc:mysql://db/app}')).toBe('mysql');
    expect(databaseOfSetting('spring.datasource.url', '${JDBC_URL}')).toBeUndefined();
  });
});
