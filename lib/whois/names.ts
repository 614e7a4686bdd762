/**
 * Registrar names as registries print them carry the registry's own id: "MarkMonitor, Inc. (R22-LRCC)" (Afilias
 * .info .mobi .asia .me .xxx .post .in), "Tuonome IT (380)" (.aero), "… [Tag = MARKMONITOR]" (Nominet). The id is
 * stripped for display and for matching the provider directory, and kept as an identifier.
 */
import { REGISTRAR_SUFFIXES } from './rules';

export function splitRegistrarName(raw: string): { name: string; id: string | null; url: string | null } {
  let name = raw.trim();
  let id: string | null = null;
  let url: string | null = null;
  // .gg/.je: "MarkMonitor Inc. (http://www.markmonitor.com)".
  const web = /\s*\((https?:\/\/[^)\s]+)\)\s*$/i.exec(name);
  if (web && web.index > 0) {
    url = web[1] ?? null;
    name = name.slice(0, web.index).trim();
  }
  for (const re of REGISTRAR_SUFFIXES) {
    const m = re.exec(name);
    if (m && m.index > 0) {
      id ??= m[1]?.trim() ?? null;
      name = name.slice(0, m.index).trim();
    }
  }
  return { name: name || raw.trim(), id, url };
}

/** The display name alone, for matching and for the notice's addressee line. */
export function registrarDisplayName(raw: string): string {
  return splitRegistrarName(raw).name;
}
