import { serve } from '@hono/node-server';
import { createApp } from './app';

const host = process.env.TAKEDOWN_HOST ?? '127.0.0.1';
const port = Number(process.env.TAKEDOWN_PORT ?? 8787);

const app = createApp({ now: () => new Date() });
serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(`Takedown backend listening on http://${info.address}:${info.port}`);
});
