import type { Page } from 'playwright-core';

/** The report page, step by step, as a user works through it. */
export class ReportPage {
  constructor(readonly page: Page) {}

  recipients() {
    return this.page.getByTestId('recipient');
  }

  async pickRecipient(index: number) {
    await this.recipients().nth(index).locator('input[type="checkbox"]').check();
  }

  async addManualRecipient(r: { name: string; email?: string; formUrl?: string; country?: string; role?: string }) {
    const form = this.page.getByTestId('manual-recipient');
    await form.locator('[name="manual-name"]').fill(r.name);
    if (r.role) await form.locator('[name="manual-role"]').selectOption(r.role);
    if (r.email) await form.locator('[name="manual-email"]').fill(r.email);
    if (r.formUrl) await form.locator('[name="manual-formUrl"]').fill(r.formUrl);
    if (r.country) await form.locator('[name="manual-country"]').fill(r.country);
    await form.getByRole('button').click();
  }

  async pickWork(title: string) {
    await this.page.getByTestId('work-picker').getByLabel(title).check();
  }

  async confirmStatements() {
    for (const name of ['fairUse', 'goodFaith', 'accuracy']) await this.page.locator(`input[name="${name}"]`).check();
  }

  checklist() {
    return this.page.getByTestId('checklist');
  }

  missingElements() {
    return this.page.locator('[data-testid="checklist-item"][data-status="missing"]');
  }

  async markSent(channel: string) {
    // "Mark as sent" asks how it was sent; the confirmed channel is what the history records.
    await this.page.getByTestId('mark-sent').click();
    await this.page.locator(`input[name="channel"][value="${channel}"]`).check();
    await this.page.getByTestId('confirm-sent').click();
  }
}
