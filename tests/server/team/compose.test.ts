/** docker-compose.yml describes a team that would start: its services and variables against the config schemas. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { EnvSchema, loadConfig } from '../../../lib/server/config';
import { TeamEnvSchema, teamConfigFromEnv } from '../../../lib/server/team/team-config';

const ComposeSchema = z.object({
  services: z.record(
    z.string(),
    z.object({
      image: z.string().optional(),
      build: z.string().optional(),
      command: z.array(z.string()).optional(),
      environment: z.record(z.string(), z.string()).optional(),
      ports: z.array(z.string()).optional(),
      volumes: z.array(z.string()).optional(),
    }),
  ),
  volumes: z.record(z.string(), z.unknown().nullable()).optional(),
});

const compose = ComposeSchema.parse(parse(readFileSync('docker-compose.yml', 'utf8')));
const instances = Object.entries(compose.services).filter(([, s]) => s.build === '.');
const known = new Set([...Object.keys(EnvSchema.shape), ...Object.keys(TeamEnvSchema.shape)]);

describe('docker-compose.yml', () => {
  test('PostgreSQL, Redis and two backend instances built from this repository', () => {
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
    expect(compose.services.redis?.image).toMatch(/^redis:/);
    expect(instances.length).toBeGreaterThanOrEqual(2);
    const published = instances.flatMap(([, s]) => (s.ports ?? []).map((p) => p.split(':')[0]));
    expect(new Set(published).size).toBe(published.length);
  });

  test.each(instances)('%s: every variable is one the backend reads, and the config loads in team mode', (_, svc) => {
    const env = svc.environment ?? {};
    for (const key of Object.keys(env)) expect(known, key).toContain(key);
    const config = loadConfig(env);
    expect(config.publicBind).toBe(true);
    const team = teamConfigFromEnv(env)!;
    expect(team).toBeDefined();

    const db = new URL(team.databaseUrl);
    const pg = compose.services.postgres!.environment!;
    expect([db.hostname, db.port, db.username, decodeURIComponent(db.password), db.pathname.slice(1)]).toEqual([
      'postgres',
      '5432',
      pg.POSTGRES_USER,
      pg.POSTGRES_PASSWORD,
      pg.POSTGRES_DB,
    ]);
    const redis = new URL(team.redisUrl);
    const command = compose.services.redis!.command ?? [];
    expect(redis.hostname).toBe('redis');
    expect(decodeURIComponent(redis.password)).toBe(command[command.indexOf('--requirepass') + 1]);
    expect(String(config.port)).toBe((svc.ports ?? [])[0]?.split(':')[1]);
  });

  test('TAKEDOWN_BLOB_DIR, when set, is one named volume every instance mounts at that path', () => {
    const dirs = new Set(instances.map(([, s]) => teamConfigFromEnv(s.environment ?? {})!.blobDir));
    expect(dirs.size).toBe(1);
    const [dir] = [...dirs];
    if (!dir) return;
    const mounts = instances.map(([, s]) => (s.volumes ?? []).find((v) => v.split(':')[1] === dir));
    expect(mounts.every(Boolean)).toBe(true);
    const named = new Set(mounts.map((m) => m!.split(':')[0]));
    expect(named.size).toBe(1);
    expect(Object.keys(compose.volumes ?? {})).toContain([...named][0]);
  });
});
