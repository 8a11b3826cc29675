/**
 * The studio shell: navigation, status bar, demo button, error banner.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { CocktailPlayground } from './CocktailPlayground';
import { DatasetsPage } from './DatasetsPage';
import { RunPage } from './RunPage';
import { RunsPage } from './RunsPage';

export class StudioPage {
  readonly datasets: DatasetsPage;
  readonly runs: RunsPage;
  readonly run: RunPage;
  readonly playground: CocktailPlayground;
  readonly backend: Locator;
  /** Where SASRec trains and why (shown when a window's WebGPU worker is involved). */
  readonly compute: Locator;
  readonly mode: Locator;
  readonly errorBanner: Locator;
  /** The workspace's trained-stage cache ("12.3 KB · 3 stages"; absent when empty). */
  readonly trainCache: Locator;

  constructor(readonly page: Page) {
    this.datasets = new DatasetsPage(page);
    this.runs = new RunsPage(page);
    this.run = new RunPage(page);
    this.playground = new CocktailPlayground(page);
    this.backend = page.getByTestId('status-backend');
    this.compute = page.getByTestId('status-compute');
    this.mode = page.getByTestId('status-mode');
    this.errorBanner = page.getByTestId('error-banner');
    this.trainCache = page.getByTestId('status-train-cache');
  }

  /** Empties the trained-stage cache from the status bar. */
  async clearTrainCache(): Promise<void> {
    await this.page.getByTestId('train-cache-clear').click();
  }

  /** Opens the web host's tokenised URL. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.attach('web');
  }

  /** Waits until the studio is up in the given host mode. */
  async attach(mode: 'web' | 'electron'): Promise<void> {
    await expect(this.mode).toHaveText(mode, { timeout: 30_000 });
  }

  /** The page icon as the browser fetches it: HTTP status and content type. */
  async appIcon(): Promise<{ status: number; type: string | null }> {
    const href = await this.page.locator('link[rel="icon"]').getAttribute('href');
    const res = await this.page.request.get(new URL(href ?? '', this.page.url()).href);
    return { status: res.status(), type: res.headers()['content-type'] ?? null };
  }

  async waitForBackend(): Promise<string> {
    await expect(this.backend).not.toHaveText(/starting/i, { timeout: 60_000 });
    return (await this.backend.textContent()) ?? '';
  }

  async gotoDatasets(): Promise<DatasetsPage> {
    await this.page.getByTestId('nav-datasets').click();
    return this.datasets;
  }

  async gotoRuns(): Promise<RunsPage> {
    await this.page.getByTestId('nav-runs').click();
    return this.runs;
  }

  async runDemo(): Promise<RunPage> {
    await this.page.getByTestId('run-demo').click();
    await expect(this.run.root).toBeVisible();
    return this.run;
  }
}
