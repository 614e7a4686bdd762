import type { Page } from 'playwright-core';

/** The bulk report page, step by step. */
export class BulkPage {
  constructor(readonly page: Page) {}

  async paste(text: string) {
    await this.page.locator('textarea[name="bulkUrls"]').fill(text);
    await this.page.getByTestId('bulk-check').click();
  }

  async start() {
    await this.page.getByTestId('bulk-start').click();
  }

  progress() {
    return this.page.getByTestId('lookup-progress');
  }

  groups() {
    return this.page.getByTestId('bulk-group');
  }

  panel() {
    return this.page.getByTestId('group-panel');
  }

  async pickWork(title: string) {
    await this.page.getByTestId('work-picker').getByLabel(title).check();
  }

  async confirmStatements() {
    for (const name of ['fairUse', 'goodFaith', 'accuracy']) await this.page.locator(`input[name="${name}"]`).check();
  }

  async markSent(channel: string) {
    // "Mark as sent" asks how it was sent; the confirmed channel is what the history records.
    await this.page.getByTestId('mark-sent').click();
    await this.page.locator(`input[name="channel"][value="${channel}"]`).check();
    await this.page.getByTestId('confirm-sent').click();
  }
}
