/**
 * A fresh PostgreSQL database for a test suite, made through the admin connection in
 * SAMLA_TEST_POSTGRES_URL (default: the local server's `postgres` database as user postgres) and
 * dropped after it. Each one has its own name, so suites and parallel test processes never share data.
 * An unreachable server is an error, never a skip: the PostgreSQL tests must run where they are expected.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

const ADMIN_URL = process.env.SAMLA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  /** The new database's connection string. */
  url: string
  /** Ends every connection to the database and drops it. */
  drop(): Promise<void>
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `samla_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await asAdmin(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  // FORCE (PostgreSQL 13+) ends the database's connections first, such as a storage a failed test left open.
  return { url: url.toString(), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
  } catch (error) {
    const { host, port } = new URL(ADMIN_URL)
    throw new Error(`PostgreSQL at ${host}${port ? '' : ':5432'} is not reachable (set SAMLA_TEST_POSTGRES_URL)`, {
      cause: error,
    })
  }
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
