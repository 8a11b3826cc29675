/** The comparison page: several runs on one loss chart, metrics side by side. */
import type { Locator, Page } from '@playwright/test';

export class ComparePage {
  readonly root: Locator;
  readonly lossChart: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('compare-page');
    this.lossChart = page.getByTestId('compare-loss-chart');
  }

  /** Number of series drawn on the loss chart, and their total points. */
  async lossSeries(): Promise<{ series: number; points: number }> {
    return {
      series: Number(await this.lossChart.getAttribute('data-series')),
      points: Number(await this.lossChart.getAttribute('data-points')),
    };
  }
}
