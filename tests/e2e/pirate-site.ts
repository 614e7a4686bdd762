import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A made-up infringing page, served on loopback and reached as http://pirate-site.test:<port>/ through --host-resolver-rules. */
export const PIRATE_HOST = 'pirate-site.test';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>星海传说 私服 一键端 免费下载</title></head>
<body style="font-family:sans-serif;background:#111;color:#eee;padding:2rem">
<h1>星海传说 私服 — 全新一键端 免费下载</h1>
<p>最新版本客户端，破解版，无需充值。百度网盘下载：<a href="https://pan.baidu.example/s/1abc">pan.baidu.com/s/1abc</a></p>
<p>Starsea Legend private server — one-click server package, free download, APK mod.</p>
<a href="magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567">magnet link</a>
</body></html>`;

export async function startPirateSite(
  host = PIRATE_HOST,
): Promise<{ server: Server; port: number; url: (path?: string) => string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', server: 'nginx', 'cache-control': 'max-age=600' });
    res.end(PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: (path = '/game/starsea') => `http://${host}:${port}${path}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
