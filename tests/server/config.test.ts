import { describe, expect, test } from 'vitest';
import { loadConfig, parseWhoisRoute } from '../../lib/server/config';
import { CHROME_EXTENSION_ORIGIN } from '../../lib/extension-id';

describe('loadConfig', () => {
  test('defaults: loopback bind, extension origin, memory cache under vitest', () => {
    const c = loadConfig({ VITEST: 'true' });
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      corsOrigins: [CHROME_EXTENSION_ORIGIN],
      cache: 'memory',
      allowHttpRdap: false,
    });
    expect(loadConfig({}).cache).toBe('data/lookup-cache.sqlite');
  });

  test('parses every variable', () => {
    const c = loadConfig({
      TAKEDOWN_HOST: '0.0.0.0',
      TAKEDOWN_PORT: '9000',
      TAKEDOWN_TOKEN: 'a-long-enough-token',
      TAKEDOWN_DNS_SERVERS: '127.0.0.1:5353, [::1]:53',
      TAKEDOWN_RDAP_BOOTSTRAP: 'http://127.0.0.1:9/bootstrap',
      TAKEDOWN_WHOIS_SERVER: '127.0.0.1:4343',
      TAKEDOWN_CACHE: '/tmp/x.sqlite',
      TAKEDOWN_CORS_ORIGINS: 'chrome-extension://abc,moz-extension://1234-5678',
      TAKEDOWN_ALLOW_HTTP_RDAP: '1',
    });
    expect(c).toMatchObject({
      port: 9000,
      dnsServers: ['127.0.0.1:5353', '[::1]:53'],
      rdapBootstrap: 'http://127.0.0.1:9/bootstrap/',
      whoisRoute: { '*': '127.0.0.1:4343' },
      corsOrigins: ['chrome-extension://abc', 'moz-extension://1234-5678'],
      allowHttpRdap: true,
    });
  });

  test.each([
    [{ TAKEDOWN_HOST: '0.0.0.0' }, /TAKEDOWN_TOKEN is required/],
    [{ TAKEDOWN_PORT: 'eighty' }, /TAKEDOWN_PORT/],
    [{ TAKEDOWN_DNS_SERVERS: 'dns.google' }, /TAKEDOWN_DNS_SERVERS "dns.google"/],
    [{ TAKEDOWN_CORS_ORIGINS: '*' }, /TAKEDOWN_CORS_ORIGINS .*never "\*"/],
    [{ TAKEDOWN_RDAP_BOOTSTRAP: 'ftp://x/' }, /TAKEDOWN_RDAP_BOOTSTRAP/],
    [{ TAKEDOWN_WHOIS_SERVER: 'a=b=c' }, /TAKEDOWN_WHOIS_SERVER/],
  ])('%o is refused with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('whois routes: single server or a name map', () => {
    expect(parseWhoisRoute('whois.iana.org=127.0.0.1:1,*=127.0.0.1:2')).toEqual({
      'whois.iana.org': '127.0.0.1:1',
      '*': '127.0.0.1:2',
    });
  });
});
