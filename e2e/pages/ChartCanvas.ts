/**
 * A canvas line chart inside a chart card: pan with the mouse, zoom with the wheel, and read the
 * frame times the chart records with the performance API ('recforge:chart-frame' measures).
 */
import type { Locator, Page } from '@playwright/test';

const FRAME = 'recforge:chart-frame';

export class ChartCanvas {
  readonly canvas: Locator;

  constructor(readonly page: Page, card: Locator) {
    this.canvas = card.getByTestId('line-canvas');
  }

  async clearFrames(): Promise<void> {
    await this.page.evaluate((name) => performance.clearMeasures(name), FRAME);
  }

  /** Durations (ms) of every frame drawn since the last clear. */
  async frameTimes(): Promise<number[]> {
    return this.page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), FRAME);
  }

  /** The visible x range. */
  async view(): Promise<{ x0: number; x1: number }> {
    const x0 = Number(await this.canvas.getAttribute('data-view-x0'));
    const x1 = Number(await this.canvas.getAttribute('data-view-x1'));
    return { x0, x1 };
  }

  private async center(): Promise<{ x: number; y: number }> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('chart canvas is not visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Wheel-zooms at the centre; negative deltaY zooms in. */
  async zoom(deltaY: number, times: number): Promise<void> {
    const c = await this.center();
    await this.page.mouse.move(c.x, c.y);
    for (let i = 0; i < times; i++) {
      await this.page.mouse.wheel(0, deltaY);
      await this.nextFrame();
    }
  }

  /** Drags horizontally by dx pixels in `steps` moves, one frame per move. */
  async pan(dx: number, steps: number): Promise<void> {
    const c = await this.center();
    await this.page.mouse.move(c.x, c.y);
    await this.page.mouse.down();
    for (let i = 1; i <= steps; i++) {
      await this.page.mouse.move(c.x + (dx * i) / steps, c.y);
      await this.nextFrame();
    }
    await this.page.mouse.up();
  }

  private async nextFrame(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  }
}
