/**
 * CDN signatures other than address ranges: CNAME suffixes, nameservers, pure-CDN ASNs and
 * response headers (docs/cdn-signals.md §1; suffixes also from cdncheck provider.yaml common.fqdn).
 * Traps deliberately left out (docs/cdn-signals.md §2): amazonaws.com (S3/ELB/EC2 are hosting), huaweicloud.com
 * and cloudflare.com (too broad), AS63949 (Linode hosting), AS16509 / AS37963 / AS45102 / Tencent
 * ASNs (mixed CDN and servers), Leaseweb AS60626 (mostly a host).
 */
export interface CdnSignature {
  /** Display name, also CdnSchema.name. */
  name: string;
  /** Provider directory id (lib/providers/directory.ts). */
  providerId: string;
  cnameSuffixes?: string[];
  /** Regexes over a CNAME target for wildcard families (Alibaba kunlun*.com). */
  cnamePatterns?: RegExp[];
  nameserverSuffixes?: string[];
  /** ASNs that carry only CDN/proxy traffic, so an ASN match alone is strong evidence. */
  asns?: number[];
  /** Header name → value test ('' = presence is enough). Names lower case. */
  headers?: Array<[string, RegExp | '']>;
}

export const CDN_SIGNATURES: CdnSignature[] = [
  {
    name: 'Cloudflare',
    providerId: 'cloudflare',
    cnameSuffixes: ['cdn.cloudflare.net', 'cloudflare.net'],
    nameserverSuffixes: ['ns.cloudflare.com'],
    asns: [13335, 209242],
    headers: [
      ['cf-ray', ''],
      ['cf-cache-status', ''],
      ['cf-mitigated', ''],
      ['server', /^cloudflare/i],
      ['set-cookie', /__cf_bm|cf_clearance|__cfduid/],
    ],
  },
  {
    name: 'Fastly',
    providerId: 'fastly',
    cnameSuffixes: ['fastly.net', 'fastlylb.net'],
    asns: [54113],
    headers: [
      ['x-fastly-request-id', ''],
      ['x-served-by', /^cache-/i],
      ['fastly-debug-digest', ''],
    ],
  },
  {
    name: 'Amazon CloudFront',
    providerId: 'aws-cloudfront',
    cnameSuffixes: ['cloudfront.net'],
    headers: [
      ['x-amz-cf-id', ''],
      ['x-amz-cf-pop', ''],
      ['via', /\(CloudFront\)/i],
      ['x-cache', /from cloudfront/i],
    ],
  },
  {
    name: 'Akamai',
    providerId: 'akamai-cdn',
    cnameSuffixes: [
      'edgekey.net',
      'akamaiedge.net',
      'akamai.net',
      'akamaihd.net',
      'edgesuite.net',
      'akamaitechnologies.com',
    ],
    asns: [20940, 16625],
    headers: [
      ['x-akamai-request-id', ''],
      ['x-akamai-transformed', ''],
      ['server', /^AkamaiGHost/i],
      ['set-cookie', /\bak_bmsc=/],
    ],
  },
  {
    name: 'Bunny CDN',
    providerId: 'bunny',
    cnameSuffixes: ['b-cdn.net', 'bunnycdn.com'],
    asns: [200325],
    headers: [
      ['server', /^BunnyCDN/i],
      ['x-bunny-cache', ''],
    ],
  },
  {
    name: 'StackPath',
    providerId: 'stackpath',
    cnameSuffixes: ['stackpathdns.com', 'hwcdn.net'],
    asns: [12989],
    headers: [
      ['x-hw', ''],
      ['x-sp-cache-status', ''],
    ],
  },
  {
    name: 'Azure Front Door',
    providerId: 'azure',
    cnameSuffixes: ['azureedge.net', 'azurefd.net'],
    headers: [['x-azure-ref', '']],
  },
  {
    name: 'Alibaba Cloud CDN',
    providerId: 'alibaba-cloud-cn',
    cnameSuffixes: [
      'alikunlun.com',
      'alikunlun.net',
      'kunlunca.com',
      'kunluncan.com',
      'kunlunea.com',
      'kunlunpi.com',
      'cdngslb.com',
      'alicdn.com',
      'alicloudwaf.com',
    ],
    cnamePatterns: [/(^|\.)kunlun[a-z0-9]*\.com$/, /(^|\.)yundunwaf[1-5]\.com$/],
    headers: [
      ['eagleid', ''],
      ['x-swift-cachetime', ''],
      ['x-swift-savetime', ''],
      ['ali-swift-global-savetime', ''],
      ['x-cache', /kunlun/i],
      ['via', /cdngslb|alicdn|aliyun/i],
    ],
  },
  {
    name: 'Tencent Cloud CDN',
    providerId: 'tencent-cloud',
    cnameSuffixes: [
      'cdn.dnsv1.com',
      'dnsv1.com',
      'tdnsv5.com',
      'cdntip.com',
      'tcdn.qq.com',
      'qcloudcjgj.com',
      'qcloudwaf.com',
      'tencdns.net',
    ],
    headers: [
      ['x-nws-log-uuid', ''],
      ['x-daa-tunnel', ''],
      ['server', /tencent|qcloud/i],
    ],
  },
  {
    name: 'Huawei Cloud CDN',
    providerId: 'huawei-cloud',
    cnameSuffixes: ['cdnhwc1.com', 'cdnhwc2.com', 'cdnhwc3.com'],
  },
  {
    name: 'DDoS-Guard',
    providerId: 'ddos-guard',
    asns: [57724, 262254],
    headers: [
      ['server', /ddos-guard/i],
      ['set-cookie', /__ddg1_/],
    ],
  },
  {
    name: 'Imperva',
    providerId: 'imperva',
    cnameSuffixes: ['incapdns.net', 'impervadns.net'],
    asns: [19551],
    headers: [
      ['x-iinfo', ''],
      ['x-cdn', /incapsula/i],
      ['set-cookie', /incap_ses_|visid_incap_/],
    ],
  },
  {
    name: 'Sucuri',
    providerId: 'sucuri',
    cnameSuffixes: ['sucuri.net'],
    asns: [30148],
    headers: [
      ['x-sucuri-id', ''],
      ['x-sucuri-cache', ''],
    ],
  },
  {
    name: 'Wangsu',
    providerId: 'wangsu',
    cnameSuffixes: ['wscdns.com', 'wscloudcdn.com', 'lxdns.com', 'chinanetcenter.com'],
    headers: [['x-ws-request-id', '']],
  },
  {
    name: 'Baidu Cloud Acceleration',
    providerId: 'baidu-cloud',
    cnameSuffixes: ['bdydns.com', 'yunjiasu-cdn.net'],
    headers: [['server', /yunjiasu/i]],
  },
  { name: 'Edgecast', providerId: 'edgecast', cnameSuffixes: ['edgecastcdn.net'], asns: [15133] },
  { name: 'KeyCDN', providerId: 'keycdn', cnameSuffixes: ['kxcdn.com'] },
  { name: 'CacheFly', providerId: 'cachefly', cnameSuffixes: ['cachefly.net'] },
  { name: 'Qrator', providerId: 'qrator', cnameSuffixes: ['qrator.net'], asns: [200449, 197068, 51115] },
  { name: 'ArvanCloud', providerId: 'arvancloud', cnameSuffixes: ['arvancdn.ir'], asns: [208006, 205585] },
  { name: 'Limelight / Edgio', providerId: 'edgio', asns: [22822] },
  { name: 'CDNetworks', providerId: 'cdnetworks', asns: [36408] },
  { name: 'StormWall', providerId: 'stormwall', asns: [59796] },
];
