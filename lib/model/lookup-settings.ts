import { z } from 'zod';

/**
 * How the extension looks hosts up (issue 17). "auto": the backend when its /healthz answers, else the browser;
 * "browser": DNS over HTTPS and RDAP from the extension page itself; "backend": only the backend.
 */
export const LookupModeSchema = z.enum(['auto', 'browser', 'backend']);
export type LookupMode = z.infer<typeof LookupModeSchema>;

export type DohFormatSetting = 'json' | 'wire';

/** Public DNS-over-HTTPS resolvers offered in the options; the operator is named in the privacy note. */
export const DOH_PRESETS = {
  'cloudflare-json': { operator: 'Cloudflare (1.1.1.1)', url: 'https://cloudflare-dns.com/dns-query', format: 'json' },
  'google-json': { operator: 'Google Public DNS (8.8.8.8)', url: 'https://dns.google/resolve', format: 'json' },
  'cloudflare-wire': { operator: 'Cloudflare (1.1.1.1)', url: 'https://cloudflare-dns.com/dns-query', format: 'wire' },
  'google-wire': { operator: 'Google Public DNS (8.8.8.8)', url: 'https://dns.google/dns-query', format: 'wire' },
} as const satisfies Record<string, { operator: string; url: string; format: DohFormatSetting }>;
export type DohPresetId = keyof typeof DOH_PRESETS;
export const DOH_PRESET_IDS = Object.keys(DOH_PRESETS) as DohPresetId[];

const httpUrl = z.url({ protocol: /^https?$/ }).max(500);

export const LookupSettingsSchema = z.object({
  mode: LookupModeSchema.default('auto'),
  resolver: z
    .enum(['cloudflare-json', 'google-json', 'cloudflare-wire', 'google-wire', 'custom'])
    .default('cloudflare-json'),
  customResolverUrl: httpUrl.or(z.literal('')).default(''),
  customResolverFormat: z.enum(['json', 'wire']).default('wire'),
  /** Where the IANA bootstrap files are read from; '' means IANA itself (https://data.iana.org/rdap/). */
  rdapBootstrap: httpUrl.or(z.literal('')).default(''),
  /** Registry origins without CORS that the user agreed to let the extension read (optional host permission). */
  grantedOrigins: z.array(z.string().max(300)).max(200).default([]),
});
export type LookupSettings = z.infer<typeof LookupSettingsSchema>;

export interface ResolverChoice {
  url: string;
  format: DohFormatSetting;
  /** Who sees the looked-up host names: a preset's operator, or the custom URL's host. */
  operator: string;
}

export function resolverOf(s: LookupSettings): ResolverChoice {
  if (s.resolver === 'custom') {
    let host = s.customResolverUrl;
    try {
      host = new URL(s.customResolverUrl).host;
    } catch {
      // An empty custom URL is caught when the resolver is used; the note then names the raw text.
    }
    return { url: s.customResolverUrl, format: s.customResolverFormat, operator: host };
  }
  const p = DOH_PRESETS[s.resolver];
  return { url: p.url, format: p.format, operator: p.operator };
}
