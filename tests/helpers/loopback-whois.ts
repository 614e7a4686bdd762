/**
 * Loopback port-43 WHOIS for tests: one TCP listener on 127.0.0.1 per virtual server (whois.iana.org,
 * whois.cnnic.cn, …), so the client's IANA referral → registry → registrar chain runs unchanged against loopback.
 *
 *   const whois = await startLoopbackWhois();
 *   process.env.TAKEDOWN_WHOIS_SERVER = whois.env;   // "whois.iana.org=127.0.0.1:p1,…,*=127.0.0.1:p0"
 *   whois.addFault({ server: 'whois.cnnic.cn', fault: 'endless' });
 *   whois.count('whois.afrinic.net');
 *
 * Replies are written for these tests in the style of each registry (not captures): a .cn domain at CNNIC with a
 * registrar and no abuse e-mail, AFRINIC's "% Abuse contact for … is '…'", a thin .com registry reply with
 * "Registrar WHOIS Server:", IANA "refer:" replies for TLDs and address blocks, registro.br's abuse-c handle block.
 * Unknown queries get "No match". The "*" listener answers anything not sent to a named server.
 *
 * Faults: slow (one byte per `delayMs`), oversized (`bytes`, default 1 MiB), endless (writes until the client
 * hangs up), silent (never answers), reset (closes at once).
 */
import net from 'node:net';

export type WhoisReplies = Record<string, string | ((query: string) => string | null)>;
export type WhoisFaultKind = 'slow' | 'oversized' | 'endless' | 'silent' | 'reset';
export interface WhoisFault {
  server?: string;
  query?: string;
  fault: WhoisFaultKind;
  times?: number;
  delayMs?: number;
  bytes?: number;
}

const IANA_TLD_REFERRALS: Record<string, string> = {
  to: 'whois.tonic.to',
  cn: 'whois.cnnic.cn',
  com: 'whois.verisign-grs.com',
  net: 'whois.verisign-grs.com',
  ru: 'whois.tcinet.ru',
};
/** First octet → RIR, enough for the fixture networks. */
const IANA_V4_REFERRALS: Record<string, string> = {
  '1': 'whois.apnic.net',
  '13': 'whois.arin.net',
  '62': 'whois.ripe.net',
  '74': 'whois.arin.net',
  '104': 'whois.arin.net',
  '130': 'whois.ripe.net',
  '192': 'whois.arin.net',
  '196': 'whois.afrinic.net',
  '200': 'whois.lacnic.net',
  '203': 'whois.apnic.net',
  '210': 'whois.apnic.net',
};

function noMatch(q: string): string {
  return `No match for "${q.toUpperCase()}".\r\n>>> Last update of WHOIS database: 2026-01-01T00:00:00Z <<<\r\n`;
}

export const DEFAULT_WHOIS_SERVERS: Record<string, WhoisReplies> = {
  'whois.iana.org': {
    '*': (q) => {
      const v4 = /^(\d{1,3})\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.exec(q);
      const refer = v4
        ? IANA_V4_REFERRALS[v4[1]!]
        : q.includes(':')
          ? 'whois.arin.net'
          : IANA_TLD_REFERRALS[q.split('.').pop() ?? ''];
      if (!refer) return `% IANA WHOIS server\r\n% This query returned 0 objects.\r\n`;
      return `% IANA WHOIS server\r\n% for more information on IANA, visit http://www.iana.org\r\n\r\nrefer:        ${refer}\r\n\r\n${v4 ? 'inetnum' : 'domain'}:       ${q.toUpperCase()}\r\nwhois:        ${refer}\r\nsource:       IANA\r\n`;
    },
  },
  'whois.cnnic.cn': {
    'pirate-books.cn': [
      'Domain Name: pirate-books.cn',
      'ROID: 20230511s10001s56914472-cn',
      'Domain Status: clientTransferProhibited',
      'Registrant: 某某影视传媒有限公司',
      'Sponsoring Registrar: 阿里云计算有限公司（万网）',
      'Name Server: dns27.hichina.com',
      'Name Server: dns28.hichina.com',
      'Registration Time: 2023-05-11 09:12:44',
      'Expiration Time: 2027-05-11 09:12:44',
      'DNSSEC: unsigned',
      '',
    ].join('\r\n'),
  },
  'whois.tonic.to': {
    '*': (q) =>
      q.endsWith('.to')
        ? `Tonic whoisd V1.1\r\ndomain: ${q}\r\nRegistrar: Tonic Domains Corp.\r\nRegistrar Abuse Contact Email: abuse@tonic.to\r\nRegistrant Organization: REDACTED FOR PRIVACY\r\nCountry: TO\r\n`
        : null,
  },
  'whois.verisign-grs.com': {
    'themarquetry.com': [
      '   Domain Name: THEMARQUETRY.COM',
      '   Registry Domain ID: 2598322308_DOMAIN_COM-VRSN',
      '   Registrar WHOIS Server: whois.registrar.eu',
      '   Registrar URL: http://www.registrar.eu',
      '   Registrar: Hosting Concepts B.V. d/b/a Registrar.eu',
      '   Registrar IANA ID: 1647',
      '   Registrar Abuse Contact Email: abuse@registrar.eu',
      '   Registrar Abuse Contact Phone: +31.104482297',
      '   Name Server: NS1.HOSTING.EXAMPLE',
      '>>> Last update of whois database: 2026-01-01T00:00:00Z <<<',
      '',
    ].join('\r\n'),
  },
  'whois.registrar.eu': {
    'themarquetry.com': [
      'Domain Name: themarquetry.com',
      'Registrar WHOIS Server: whois.registrar.eu',
      'Registrar URL: https://www.registrar.eu',
      'Registrar: Hosting Concepts B.V. d/b/a Registrar.eu',
      'Registrar Abuse Contact Email: abuse@registrar.eu',
      'Registrar Abuse Contact Phone: +31.104482297',
      'Registrant Organization: The Marquetry Workshop',
      'Registrant Email: REDACTED FOR PRIVACY',
      'Registrant Country: NL',
      '',
    ].join('\r\n'),
  },
  'whois.afrinic.net': {
    '196.11.240.215': [
      '% This is the AfriNIC Whois server.',
      '% Note: this output has been filtered.',
      '',
      "% Information related to '196.11.239.0 - 196.11.246.255'",
      '',
      "% Abuse contact for '196.11.239.0 - 196.11.246.255' is 'abuse@mtnbusiness.co.za'",
      '',
      'inetnum:        196.11.239.0 - 196.11.246.255',
      'netname:        ORG-VSA1-AFRINIC',
      'descr:          MTN Business',
      'country:        ZA',
      'org:            ORG-VSA1-AFRINIC',
      'status:         ASSIGNED PI',
      'source:         AFRINIC # Filtered',
      '',
      'organisation:   ORG-VSA1-AFRINIC',
      'org-name:       MTN Business Solutions',
      'org-type:       LIR',
      'country:        ZA',
      '',
    ].join('\n'),
  },
  'whois.lacnic.net': {
    '200.160.2.3': [
      '% Copyright (c) Nic.br',
      '',
      'inetnum:     200.160.0.0/20',
      'aut-num:     AS22548',
      'abuse-c:     CSIRT-NICBR',
      'owner:       Núcleo de Inf. e Coord. do Ponto BR - NIC.BR',
      'country:     BR',
      'tech-c:      OPS-NICBR',
      '',
      'nic-hdl-br:  CSIRT-NICBR',
      'person:      CSIRT NIC.br',
      'e-mail:      cert@cert.br',
      '',
    ].join('\n'),
  },
};

export interface LoopbackWhois {
  /** Virtual server name → port; "*" is the catch-all. */
  ports: Record<string, number>;
  /** TAKEDOWN_WHOIS_SERVER value mapping every virtual server (and "*") to its loopback port. */
  env: string;
  queries: Array<{ server: string; query: string }>;
  count(server?: string, query?: string): number;
  addFault(f: WhoisFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startLoopbackWhois(
  opts: { servers?: Record<string, WhoisReplies>; faults?: WhoisFault[] } = {},
): Promise<LoopbackWhois> {
  const servers: Record<string, WhoisReplies> = {
    ...DEFAULT_WHOIS_SERVERS,
    ...opts.servers,
    '*': opts.servers?.['*'] ?? {},
  };
  let faults = (opts.faults ?? []).map((f) => ({ ...f, used: 0 }));
  const queries: LoopbackWhois['queries'] = [];
  const sockets = new Set<net.Socket>();
  const listeners: net.Server[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const ports: Record<string, number> = {};

  function reply(name: string, query: string): string {
    const table = servers[name] ?? {};
    const exact = table[query];
    const hit = typeof exact === 'function' ? exact(query) : exact;
    if (typeof hit === 'string') return hit;
    const any = table['*'];
    const wild = typeof any === 'function' ? any(query) : any;
    return typeof wild === 'string' ? wild : noMatch(query);
  }

  function fault(name: string, query: string) {
    for (const f of faults) {
      if (f.times !== undefined && f.used >= f.times) continue;
      if (f.server && f.server !== name) continue;
      if (f.query && f.query !== query) continue;
      f.used++;
      return f;
    }
    return undefined;
  }

  function serve(name: string, sock: net.Socket, query: string) {
    queries.push({ server: name, query });
    const f = fault(name, query);
    const text = reply(name, query);
    if (!f) return void sock.end(text);
    switch (f.fault) {
      case 'silent':
        return;
      case 'reset':
        return void sock.destroy();
      case 'oversized':
        return void sock.end(`${text}${'% padding\n'.repeat(Math.ceil((f.bytes ?? 1024 * 1024) / 10))}`);
      case 'slow': {
        let i = 0;
        const tick = () => {
          if (sock.destroyed) return;
          if (i >= text.length) return void sock.end();
          sock.write(text[i++]!);
          const t = setTimeout(tick, f.delayMs ?? 50);
          timers.add(t);
        };
        return tick();
      }
      case 'endless': {
        const chunk = '% still going\n'.repeat(1000);
        const pump = () => {
          while (!sock.destroyed && sock.write(chunk));
          if (!sock.destroyed) sock.once('drain', pump);
        };
        return pump();
      }
    }
  }

  for (const name of Object.keys(servers)) {
    const srv = net.createServer((sock) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
      sock.on('error', () => sock.destroy());
      let buf = '';
      sock.on('data', (d) => {
        buf += d.toString('utf8');
        const nl = buf.indexOf('\n');
        if (nl >= 0) {
          sock.removeAllListeners('data');
          serve(name, sock, buf.slice(0, nl).trim().toLowerCase());
        } else if (buf.length > 4096) sock.destroy();
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    ports[name] = (srv.address() as net.AddressInfo).port;
    listeners.push(srv);
  }

  return {
    ports,
    env: Object.entries(ports)
      .map(([name, port]) => `${name}=127.0.0.1:${port}`)
      .join(','),
    queries,
    count: (server, query) =>
      queries.filter((q) => (server === undefined || q.server === server) && (query === undefined || q.query === query))
        .length,
    addFault(f) {
      faults.push({ ...f, used: 0 });
    },
    clearFaults() {
      faults = [];
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await Promise.all(listeners.map((l) => new Promise<void>((r) => l.close(() => r()))));
    },
  };
}
