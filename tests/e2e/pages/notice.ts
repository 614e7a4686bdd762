import type { Page } from 'playwright-core';

/** The notice detail page, as a user records what happened. */
export class NoticePage {
  constructor(readonly page: Page) {}

  status() {
    return this.page.getByTestId('notice-status').getAttribute('data-status');
  }

  events() {
    return this.page.getByTestId('timeline-event');
  }

  async recordReply(r: {
    kind: string;
    reason?: string;
    text?: string;
    file?: { name: string; mimeType: string; buffer: Buffer };
  }) {
    const form = this.page.getByTestId('reply-form');
    await form.locator('[name="replyKind"]').selectOption(r.kind);
    if (r.reason) await form.locator('[name="replyReason"]').fill(r.reason);
    if (r.text) await form.locator('[name="replyText"]').fill(r.text);
    if (r.file) await form.locator('[name="replyFile"]').setInputFiles(r.file);
    await form.getByTestId('record-reply').click();
  }

  async verify() {
    await this.page.getByTestId('verify-history').click();
    return this.page.getByTestId('history-verdict');
  }
}
