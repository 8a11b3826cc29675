/**
 * Runs screen: the new-run form and the run list.
 */
import { basename } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

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

  /** Imports a training log (CSV / JSON lines) through "Import training log…"; its run page opens. */
  async importLog(file: string, timeout = 30_000): Promise<void> {
    await this.page.getByTestId('log-import-input').setInputFiles(file);
    await expect(this.page.getByTestId('run-page').locator('h1')).toContainText(basename(file), { timeout });
  }

  /** Opens a run from the list by its id. */
  async open(runId: string): Promise<void> {
    await this.page.locator(`[data-testid="run-item"][data-run-id="${runId}"]`).click();
  }

  /** The run row whose title contains `text`. */
  item(text: string): Locator {
    return this.items.filter({ hasText: text });
  }

  /** Ticks runs for comparison and opens the comparison page. */
  async compare(runIds: readonly string[]): Promise<void> {
    for (const id of runIds) await this.page.locator(`[data-testid="run-compare"][data-run-id="${id}"]`).check();
    await this.page.getByTestId('compare-open').click();
  }

  /** Starts a recipe with some of its generated form fields set (by setting path, e.g. 'settings.steps'; 'true' / 'false' for checkboxes). */
  async startRecipe(datasetName: string, recipeTitle: string, fields: Readonly<Record<string, string>>): Promise<void> {
    await this.page.getByTestId('run-dataset').selectOption({ label: datasetName });
    await this.page.getByTestId('run-recipe').selectOption({ label: recipeTitle });
    for (const [path, value] of Object.entries(fields)) await this.setField(path, value);
    await this.page.getByTestId('run-start').click();
  }

  /** The problems listed above the Start button (the form's own checks or the host's refusal). */
  formErrors(): Locator {
    return this.page.getByTestId('run-form-errors');
  }

  /** Chooses a dataset and a recipe in the form; returns the warning shown when the recipe needs more domains than the dataset has. */
  async choose(datasetName: string, recipeTitle: string): Promise<Locator> {
    await this.page.getByTestId('run-dataset').selectOption({ label: datasetName });
    await this.page.getByTestId('run-recipe').selectOption({ label: recipeTitle });
    return this.page.getByTestId('recipe-domains-warning');
  }

  /** A generated field of the form, by setting path. */
  field(path: string): Locator {
    return this.page.getByTestId(`field-${path}`);
  }

  private async setField(path: string, value: string): Promise<void> {
    const field = this.page.getByTestId(`field-${path}`);
    if ((await field.getAttribute('type')) === 'checkbox') await field.setChecked(value === 'true');
    else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }

  /** The labels a generated select field offers, for a dataset and recipe chosen in the form. */
  async fieldOptions(datasetName: string, recipeTitle: string, path: string): Promise<string[]> {
    await this.page.getByTestId('run-dataset').selectOption({ label: datasetName });
    await this.page.getByTestId('run-recipe').selectOption({ label: recipeTitle });
    return this.page.getByTestId(`field-${path}`).locator('option').allInnerTexts();
  }

  /** Starts a recipe from one of its presets (the form filled by the preset, nothing typed). */
  async startPreset(datasetName: string, recipeTitle: string, presetTitle: string): Promise<void> {
    await this.page.getByTestId('run-dataset').selectOption({ label: datasetName });
    await this.page.getByTestId('run-recipe').selectOption({ label: recipeTitle });
    await this.page.getByTestId('run-preset').selectOption({ label: presetTitle });
    await this.page.getByTestId('run-start').click();
  }

  async start(options: NewRunOptions): Promise<void> {
    await this.page.getByTestId('run-dataset').selectOption({ label: options.datasetName });
    await this.page.getByTestId('field-train.epochs').fill(String(options.epochs));
    await this.page.getByTestId('run-start').click();
  }
}
