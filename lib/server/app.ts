import { Hono } from 'hono';

export interface AppDeps {
  now: () => Date;
}

/** Builds the HTTP API from its dependencies; main.ts binds it, tests call app.request() without a socket. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true, time: deps.now().toISOString() }));
  return app;
}
export type App = ReturnType<typeof createApp>;
