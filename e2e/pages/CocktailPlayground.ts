/**
 * The RecCocktail playground on a finished run: λ slider with live metrics, Auto λ, export of the
 * merge and scoring of the exported folder loaded back.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class CocktailPlayground {
  readonly root: Locator;
  readonly slider: Locator;
  readonly metrics: Locator;
  readonly lambdas: Locator;
  /** Auto λ's progress bar (steps done of total, ETA, Cancel), shown while it searches. */
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('playground');
    this.slider = this.root.getByTestId('playground-slider');
    this.metrics = this.root.getByTestId('playground-metrics');
    this.lambdas = this.root.getByTestId('playground-lambdas');
    this.progress = this.root.getByTestId('playground-progress');
  }

  /** Moves the slider and waits until the metrics shown are the ones evaluated at λ. */
  async setLambda(lambda: number): Promise<void> {
    await this.slider.fill(String(lambda));
    await expect(this.metrics).toHaveAttribute('data-lambda', String(lambda), { timeout: 60_000 });
    await expect(this.metrics).toHaveAttribute('data-current', 'true'); // not dimmed as an earlier λ's numbers
  }

  /** The metric values shown for the current λ, in table order. */
  async metricValues(): Promise<number[]> {
    return valuesIn(this.metrics);
  }

  /**
   * Runs Auto λ; returns the entropy-guided λ of each scenario it reports (full precision, from the
   * summary's data attributes) and every (done, total) its progress bar showed, in order.
   */
  async autoLambda(): Promise<{ warm: number; cold: number; steps: { done: number; total: number }[] }> {
    // The bar may live for a second only: an observer records every state it shows.
    const watch = await this.root.evaluateHandle((root) => {
      const seen: { done: number; total: number }[] = [];
      const observer = new MutationObserver(() => {
        const bar = root.querySelector('[data-testid="playground-progress"]');
        const [done, total] = [bar?.getAttribute('data-done') ?? null, bar?.getAttribute('data-total') ?? null];
        if (done !== null && total !== null) seen.push({ done: Number(done), total: Number(total) });
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done', 'data-total'] });
      return { seen, observer };
    });
    await this.root.getByTestId('playground-auto').click();
    await expect(this.progress).toBeVisible();
    await expect(this.root.getByTestId('playground-auto-cancel')).toBeVisible();
    await expect(this.lambdas).toContainText(/entropy-guided λ: warm \d/, { timeout: 90_000 });
    await expect(this.progress).toBeHidden();
    const steps = await watch.evaluate((w) => {
      w.observer.disconnect();
      return w.seen;
    });
    return { warm: Number(await this.lambdas.getAttribute('data-warm')), cold: Number(await this.lambdas.getAttribute('data-cold')), steps };
  }

  /** Starts Auto λ and cancels it at once; waits for the notice that λ stayed as it was. */
  async cancelAutoLambda(): Promise<string> {
    await this.root.getByTestId('playground-auto').click();
    await this.root.getByTestId('playground-auto-cancel').click();
    const notice = this.root.getByTestId('playground-auto-notice');
    await expect(notice).toBeVisible({ timeout: 60_000 });
    await expect(this.progress).toBeHidden();
    return (await notice.textContent()) ?? '';
  }

  /** How each scenario's entropy λ was found ('gradient' or 'grid'), warm first. */
  async lambdaMethods(): Promise<(string | null)[]> {
    const rows = this.root.getByTestId('playground-lambda-row');
    return rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-method')));
  }

  /** Exports the merge at the current λ in `format`; returns the exported folder's path in the run. */
  async exportMerged(format: 'adapter' | 'checkpoint'): Promise<string> {
    await this.root.getByTestId('playground-export-format').selectOption(format);
    await this.root.getByTestId('playground-export').click();
    const exported = this.root.getByTestId('playground-exported');
    await expect(exported).toBeVisible({ timeout: 60_000 });
    return (await exported.textContent()) ?? '';
  }

  /** Loads the exported folder back and returns the metric values it scores. */
  async reloadValues(): Promise<number[]> {
    await this.root.getByTestId('playground-reload').click();
    const reloaded = this.root.getByTestId('playground-reloaded');
    await expect(reloaded).toBeVisible({ timeout: 60_000 });
    return valuesIn(reloaded);
  }
}

async function valuesIn(scope: Locator): Promise<number[]> {
  const cells = scope.getByTestId('metric-value');
  await expect(cells.first()).toBeVisible();
  return cells.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
}
