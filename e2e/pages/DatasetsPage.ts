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

  /** Waits for the wizard's preview, then sets each role's column (generic tables). */
  async mapColumns(roles: Readonly<Record<string, string>>, textFields: readonly string[] = []): Promise<void> {
    await expect(this.page.getByTestId('import-preview')).toBeVisible();
    for (const [role, column] of Object.entries(roles)) await this.page.getByTestId(`map-${role}`).selectOption(column);
    for (const column of textFields) await this.page.locator(`[data-testid="map-text"][data-column="${column}"]`).check();
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

  /** Opens the dataset's profile (charts and splits). */
  async openProfile(name: string): Promise<Locator> {
    await this.row(name).getByTestId('dataset-profile-toggle').click();
    const profile = this.row(name).getByTestId('dataset-profile');
    await expect(profile).toBeVisible();
    return profile;
  }

  /** Defines a split on the dataset and returns its row. */
  async split(name: string, kind: string): Promise<Locator> {
    const row = this.row(name);
    await row.getByTestId('split-kind').selectOption(kind);
    await row.getByTestId('split-create').click();
    const split = row.locator(`[data-testid="split-row"][data-kind="${kind}"]`).first();
    await expect(split).toBeVisible();
    return split;
  }

  /** Removes the dataset's splits of that kind (two clicks: Remove, then Confirm remove). */
  async removeSplits(name: string, kind: string): Promise<void> {
    const rows = this.row(name).locator(`[data-testid="split-row"][data-kind="${kind}"]`);
    while ((await rows.count()) > 0) {
      const remove = rows.first().getByTestId('split-remove');
      await remove.click();
      await expect(remove).toHaveText('Confirm remove');
      const before = await rows.count();
      await remove.click();
      await expect(rows).toHaveCount(before - 1);
    }
  }

  /** Exports as Parquet and downloads the interactions file to `saveAs`. */
  async exportParquet(name: string, saveAs: string): Promise<string> {
    const row = this.row(name);
    await row.getByTestId('export-parquet').click();
    const link = row.locator('[data-testid="export-file"]', { hasText: 'interactions.parquet' });
    const download = this.page.waitForEvent('download');
    await link.click();
    await (await download).saveAs(saveAs);
    return saveAs;
  }

  async train(name: string): Promise<void> {
    await this.row(name).getByTestId('dataset-train').click();
  }
}
