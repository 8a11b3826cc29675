/**
 * Datasets screen: the drop zone import flow and the dataset list.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface DroppedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export class DatasetsPage {
  readonly dropZone: Locator;
  readonly importError: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.dropZone = page.getByTestId('drop-zone');
    this.importError = page.getByTestId('import-error');
    this.rows = page.getByTestId('dataset-row');
  }

  /** Drops files on the drop zone the way a desktop drag does: a real DataTransfer of Files. */
  async drop(files: readonly DroppedFile[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((items) => {
      const transfer = new DataTransfer();
      for (const item of items) {
        const binary = atob(item.b64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        transfer.items.add(new File([bytes], item.name));
      }
      return transfer;
    }, payload);
    await this.dropZone.dispatchEvent('dragenter', { dataTransfer });
    await this.dropZone.dispatchEvent('dragover', { dataTransfer });
    await this.dropZone.dispatchEvent('drop', { dataTransfer });
  }

  async importAs(name: string): Promise<void> {
    await this.page.getByTestId('import-name').fill(name);
    await this.page.getByTestId('import-submit').click();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="dataset-row"][data-dataset-name="${name}"]`);
  }

  async count(name: string, field: 'users' | 'items' | 'interactions'): Promise<number> {
    const cell = this.row(name).getByTestId(`dataset-${field}`);
    await expect(cell).toHaveAttribute('data-value', /\d+/);
    return Number(await cell.getAttribute('data-value'));
  }

  async names(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dataset-name') ?? ''));
  }

  async train(name: string): Promise<void> {
    await this.row(name).getByTestId('dataset-train').click();
  }
}
