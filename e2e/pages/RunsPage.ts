/**
 * Runs screen: the new-run form and the run list.
 */
import type { Locator, Page } from '@playwright/test';

export interface NewRunOptions {
  readonly datasetName: string;
  readonly epochs: number;
}

export class RunsPage {
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.items = page.getByTestId('run-item');
  }

  /** Runs a pipeline JSON file through "Run pipeline file…". */
  async runPipelineFile(file: string): Promise<void> {
    await this.page.getByTestId('pipeline-file-input').setInputFiles(file);
  }

  async start(options: NewRunOptions): Promise<void> {
    await this.page.getByTestId('run-dataset').selectOption({ label: options.datasetName });
    await this.page.getByTestId('run-epochs').fill(String(options.epochs));
    await this.page.getByTestId('run-start').click();
  }
}
