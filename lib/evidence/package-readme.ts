/**
 * README.txt of the evidence package (issue 15), in English then Chinese: how to check every file without our
 * software, with sha256sum and openssl only. The commands name the package's own paths.
 */
export interface ReadmeFacts {
  noticeId: string;
  tokens: readonly { path: string; data: string; genTime: string; tsa: string }[];
  hasRoot: boolean;
  hasChain: boolean;
  failures: readonly { covers: string; requestedAt: string; reason: string }[];
}

function verifyCommand(t: ReadmeFacts['tokens'][number], f: ReadmeFacts): string {
  const ca = f.hasRoot ? '-CAfile timestamps/tsa-root.pem' : '-CAfile <the TSA root certificate>';
  const untrusted = f.hasChain ? ' -untrusted timestamps/tsa-chain.pem' : '';
  return `  openssl ts -verify -in ${t.path} -data ${t.data} ${ca}${untrusted}`;
}

export function packageReadme(f: ReadmeFacts): string {
  const tokens = f.tokens.map((t) => `${verifyCommand(t, f)}\n    (${t.genTime}, ${t.tsa})`).join('\n');
  const failures = f.failures.map((x) => `  - ${x.covers} at ${x.requestedAt}: ${x.reason}`).join('\n');
  return `Evidence package of notice ${f.noticeId}
======================================================================

ENGLISH

What is here
  letter.txt              the notice exactly as sent (its SHA-256 is textSha256 in history.json)
  evidence/               the page capture: screenshot, single-file archive (MHTML) or HTML, response
                          headers, capture metadata, and the capture manifest listing each file's SHA-256
  timestamps/*.tsr        RFC 3161 time-stamp replies (DER) from a trusted time-stamping authority (TSA)
  timestamps/seal-N.txt   the sealed statement: the letter's SHA-256 and the history's chain head when sent
  timestamps/*.pem        the TSA's certificates (tsa-root.pem: its root, when the backend was given one)
  documents/              the rights holder's documents sent with the notice
  notice/                 this notice's own files: the .eml handed to the mail server and its answer
                          (delivery-*), and replies received (reply-*)
  history.json            the notice's hash-chained history
  manifest.json           every file with its SHA-256, size, capture time and URL
  SHA256SUMS              the same hashes, for sha256sum

1. Check that no file changed:
  sha256sum -c SHA256SUMS

2. Check each timestamp (the file it covers existed at the time the TSA signed):
${tokens || '  (none: this notice was not timestamped)'}
  "Verification: OK" means the token is genuine, covers exactly that file, and chains to the root.
  Show the time with: openssl ts -reply -in <file.tsr> -text

3. The manifest token covers evidence/manifest-*.json, which lists the SHA-256 of every capture file, so one
  token dates the whole capture. The seal token covers seal-N.txt: compare its text-sha256 with
  sha256sum letter.txt, and its chain-head-hash with the "hash" of the event with that "seq" in history.json.
  A history changed after sending no longer contains that head.
${failures ? `\nTimestamp attempts that failed (nothing here claims their time):\n${failures}\n` : ''}
----------------------------------------------------------------------

中文

内容
  letter.txt              发送的通知原文（其 SHA-256 即 history.json 中的 textSha256）
  evidence/               网页取证：截图、单文件网页存档（MHTML）或 HTML、响应头、采集元数据，以及列明每个
                          文件 SHA-256 的证据清单（manifest）
  timestamps/*.tsr        可信时间戳机构（TSA）签发的 RFC 3161 时间戳（DER 格式）
  timestamps/seal-N.txt   封存声明：通知原文的 SHA-256 与发送时操作记录哈希链的链头
  timestamps/*.pem        时间戳机构证书（tsa-root.pem 为根证书，如后端配置了根证书）
  documents/              随通知提交的权利人文件（营业执照/身份证明、权属证明、授权委托书）
  notice/                 本通知自身的文件：交给邮件服务器的 .eml 及服务器应答（delivery-*）、收到的回复（reply-*）
  history.json            通知的哈希链操作记录
  manifest.json           每个文件的 SHA-256、大小、采集时间与网址
  SHA256SUMS              供 sha256sum 校验的哈希列表

1. 校验文件未被改动：
  sha256sum -c SHA256SUMS

2. 校验每个时间戳（证明所涵盖的文件在时间戳机构签名时已存在）：
${tokens || '  （无：本通知未加盖时间戳）'}
  显示 "Verification: OK" 即表示时间戳真实、恰好涵盖该文件，并可追溯至根证书。
  查看时间：openssl ts -reply -in <文件.tsr> -text

3. 证据清单的时间戳涵盖 evidence/manifest-*.json，清单列明每个取证文件的 SHA-256，故一个时间戳即可证明
  整次取证的时间。封存时间戳涵盖 seal-N.txt：其中 text-sha256 应与 sha256sum letter.txt 的结果一致，
  chain-head-hash 应与 history.json 中对应 seq 事件的 hash 一致；发送后被改动的记录不再包含该链头。
${failures ? `\n未成功的时间戳请求（不主张其时间）：\n${failures}\n` : ''}`;
}
