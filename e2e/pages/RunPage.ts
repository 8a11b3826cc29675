/**
 * One run: status, progress, live charts, cancel, metrics with their protocol.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class RunPage {
  readonly root: Locator;
  readonly status: Locator;
  readonly progress: Locator;
  readonly eta: Locator;
  readonly cancelButton: Locator;
  readonly lossChart: Locator;
  readonly lrChart: Locator;
  readonly metricsTable: Locator;
  /** The running stage of a recipe ("stage 2 of 5: …"). */
  readonly stage: Locator;
  readonly progressLabel: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('run-page');
    this.status = page.getByTestId('run-status');
    this.progress = page.getByTestId('progress-bar');
    this.eta = page.getByTestId('eta');
    this.cancelButton = page.getByTestId('run-cancel');
    this.lossChart = page.getByTestId('loss-chart');
    this.lrChart = page.getByTestId('lr-chart');
    this.metricsTable = page.getByTestId('metrics-table');
    this.stage = page.getByTestId('run-stage');
    this.progressLabel = page.getByTestId('progress-label');
  }

  /** How far the main area is scrolled (a page opens at its top). */
  async scrollTop(): Promise<number> {
    return this.page.locator('main.main').evaluate((el) => el.scrollTop);
  }

  /** Labels of the phase and series markers drawn on the loss chart. */
  async lossMarkers(): Promise<string[]> {
    return ((await this.lossChart.getAttribute('data-markers')) ?? '').split('|').filter((x) => x !== '');
  }

  /** A result table's rows as text cells (first column = row name); numbers as their exact values. */
  async resultTable(id: string): Promise<(string | number)[][]> {
    const rows = this.page.locator(`[data-testid="result-table"][data-table-id="${id}"] [data-testid="result-row"]`);
    await expect(rows.first()).toBeVisible();
    return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => {
      const v = td.getAttribute('data-value');
      return v !== null && v !== '' && !Number.isNaN(Number(v)) && td.classList.contains('num') ? Number(v) : (td.textContent ?? '');
    })));
  }

  /** An artifact row of the run (by its path in the run folder). */
  artifact(path: string): Locator {
    return this.page.locator(`[data-testid="artifact"][data-path="${path}"]`);
  }

  async runId(): Promise<string> {
    return (await this.root.getAttribute('data-run-id')) ?? '';
  }

  async lossPoints(): Promise<number> {
    return Number((await this.lossChart.getAttribute('data-points')) ?? '0');
  }

  /** On an interrupted run (a killed host, a closed window): checks it says so and presses Resume. */
  async resumeInterrupted(): Promise<void> {
    await this.waitForStatus('failed', 15_000);
    await expect(this.page.getByTestId('run-error')).toContainText('interrupted');
    await this.page.getByTestId('run-resume').click();
  }

  /** Waits for the run status text (a RunStatus such as running, done, cancelled). */
  async waitForStatus(status: string, timeout = 120_000): Promise<void> {
    await expect(this.status).toHaveText(status, { timeout });
  }

  metric(name: string, k: number | null, protocol: 'sampled' | 'full'): Locator {
    const kSelector = k === null ? '' : `[data-k="${k}"]`;
    const row = `[data-testid="metric-row"][data-name="${name}"]${kSelector}[data-protocol="${protocol}"][data-target="test"]`;
    return this.metricsTable.locator(row);
  }

  /** The exact value behind a metric cell (the cell shows 4 decimals). */
  async exactMetric(name: string, k: number | null, protocol: 'sampled' | 'full'): Promise<number> {
    const row = this.metric(name, k, protocol);
    await expect(row).toBeVisible();
    return Number(await row.getByTestId('metric-value').getAttribute('data-value'));
  }

  /** Clicks "Pipeline file" and saves the download; returns its path. */
  async downloadPipeline(saveAs: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('run-pipeline').click();
    await (await download).saveAs(saveAs);
    return saveAs;
  }

  async metricValue(name: string, k: number | null, protocol: 'sampled' | 'full'): Promise<number> {
    const row = this.metric(name, k, protocol);
    await expect(row).toBeVisible();
    const text = (await row.getByTestId('metric-value').textContent()) ?? '';
    return Number(text.trim());
  }
}
