import type { MailStatus } from '../../contract';

/**
 * What the options page may know about the backend's mail: configured or not, when it last sent and polled,
 * the last error. Host names only; user names and passwords never enter this object.
 */
export class MailStatusTracker {
  private status: MailStatus;
  constructor(init: { smtpServer?: string | null; imapServer?: string | null; imapFolder?: string | null }) {
    this.status = {
      smtp: { configured: !!init.smtpServer, server: init.smtpServer ?? null, lastSend: null },
      imap: {
        configured: !!init.imapServer,
        server: init.imapServer ?? null,
        folder: init.imapFolder ?? null,
        lastPoll: null,
      },
      lastError: null,
    };
  }
  sent(time: string, messageId: string, accepted: number, rejected: number) {
    this.status.smtp.lastSend = { time, messageId, accepted, rejected };
  }
  polled(time: string, fetched: number, lastUid: number) {
    this.status.imap.lastPoll = { time, fetched, lastUid };
  }
  failed(time: string, where: 'smtp' | 'imap', message: string) {
    this.status.lastError = { time, where, message: message.slice(0, 500) };
  }
  snapshot(): MailStatus {
    return structuredClone(this.status);
  }
}
