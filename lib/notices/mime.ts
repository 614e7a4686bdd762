/**
 * Small MIME primitives for the notice's .eml, written here rather than taken from mimetext
 * 3.0.28: its default entry imports node:os and mime-types (not loadable in the extension),
 * its Date and Message-ID come from the wall clock and Math.random, it puts addresses and
 * attachment filenames into headers unescaped (a CR/LF in either injects a header), and it
 * writes the whole subject as one encoded-word of any length (RFC 2047 §2 allows 75 chars,
 * RFC 5322 §2.1.1 998 per line). Everything here is pure and runs in browsers and Node.
 */

const CRLF = '\r\n';
const utf8 = new TextEncoder();
// A multiple of 3, so chunks concatenate without padding in between.
const CHUNK = 0x7ffe;

/** Standard base64 (RFC 4648 §4) of bytes, without line breaks; btoa exists in browsers, workers and Node >= 16. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out.push(btoa(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[])));
  }
  return out.join('');
}

/** A base64 body wrapped at 76 characters per line (RFC 2045 §6.8). */
export function base64Body(bytes: Uint8Array): string {
  const b = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 76) lines.push(b.slice(i, i + 76));
  return lines.join(CRLF);
}

export const utf8Bytes = (s: string): Uint8Array => utf8.encode(s);

// Control characters and Unicode line/paragraph separators never belong in a header value.
const HEADER_UNSAFE = /[\p{Cc}\u2028\u2029]+/gu;

/** One line of header text: every control character (CR and LF included) becomes a space. */
export const headerText = (s: string): string => s.replace(HEADER_UNSAFE, ' ').trim();

/**
 * RFC 2047 B-encoded words for arbitrary text, each at most 75 characters and split only on
 * character boundaries, folded with CRLF + space (whitespace between encoded-words is ignored
 * by decoders, RFC 2047 §6.2). Printable ASCII with short words and no "=?" is only folded.
 */
export function encodeHeaderValue(value: string, firstLineUsed: number, phrase = false): string {
  const text = headerText(value);
  // A display name (RFC 5322 phrase) may hold only atext and spaces unencoded; specials such
  // as , < > " @ would change how the address list parses.
  const charset = phrase ? /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/ : /^[\x20-\x7e]*$/;
  const plain = charset.test(text) && !text.includes('=?') && text.split(' ').every((w) => w.length <= 70);
  if (plain) return foldAscii(text, firstLineUsed);
  const words: string[] = [];
  let buf: number[] = [];
  const flush = () => {
    if (buf.length) words.push(`=?UTF-8?B?${base64(Uint8Array.from(buf))}?=`);
    buf = [];
  };
  for (const ch of text) {
    const b = utf8.encode(ch);
    // 45 bytes -> 60 base64 chars -> 72-character encoded-word.
    if (buf.length + b.length > 45) flush();
    for (const x of b) buf.push(x);
  }
  flush();
  return words.join(`${CRLF} `);
}

function foldAscii(text: string, used: number): string {
  const lines: string[] = [];
  let line = '';
  let room = 78 - used;
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
      room = 77;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`${CRLF} `);
}

// RFC 5321 local-part@domain, restricted to the dot-atom form every mail client accepts.
const ADDR =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** True for an address that can go into a header verbatim (no spaces, quotes, brackets or controls). */
export const isSafeAddress = (a: string): boolean => a.length <= 254 && ADDR.test(a);

/** A mailbox header value: an encoded display name (if any) and the bare address. */
export function mailbox(addr: string, name = ''): string {
  const n = headerText(name);
  return n ? `${encodeHeaderValue(n, 30, true)} <${addr}>` : `<${addr}>`;
}

/** An attachment filename safe in a header: RFC 2231 UTF-8 form plus a plain ASCII fallback. */
export function filenameParams(name: string): string {
  const clean = headerText(name).replace(/[\\/]/g, '_') || 'attachment';
  const ascii = clean.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'attachment';
  // Percent-encoded, cut on a character boundary so the header line stays under 998 characters.
  let ext = '';
  for (const ch of clean) {
    const enc = encodeURIComponent(ch).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    if (ext.length + enc.length > 900) break;
    ext += enc;
  }
  return `filename="${ascii}";${CRLF} filename*=UTF-8''${ext}`;
}

const MIME_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$/;

/** The attachment's type if it is a well-formed type/subtype, else application/octet-stream. */
export const safeMimeType = (t: string): string => (MIME_TYPE.test(t) ? t.toLowerCase() : 'application/octet-stream');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 §3.3 date-time in UTC, e.g. "Wed, 04 Mar 2026 05:06:07 +0000". */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** FNV-1a, for deterministic boundaries and Message-IDs (not for security). */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
