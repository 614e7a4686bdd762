import type { Page } from 'playwright-core';

/** The options page, as a user fills it in. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  field(name: string) {
    return this.page.locator(`[name="${name}"]`);
  }

  async fillLetterhead(values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) await this.field(name).fill(value);
  }

  async save() {
    await this.page
      .getByRole('button', { name: /Save|保存/ })
      .first()
      .click();
  }

  errors() {
    return this.page.getByTestId('field-error');
  }
}
