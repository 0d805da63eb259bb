import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * What a person sees: boxes on the screen and font sizes, measured in the page (no pixel diffs). Shared by the
 * legibility specs: the chain map and meeting mode measure their own SVG and canvas names, the sections their
 * headers, figures and controls.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Seen extends Box {
  name: string;
  /** The text as drawn (all its lines). */
  text: string;
  /** Font size on the screen, px: the element's own times any zoom of the map it is drawn in. */
  size: number;
  /** The element drawn at the centre of the box is this one or inside it (nothing covers it). */
  onTop: boolean;
}

export const inside = (s: Box, box: Box) =>
  s.x >= box.x - 0.5 && s.y >= box.y - 0.5 && s.x + s.width <= box.x + box.width + 0.5 && s.y + s.height <= box.y + box.height + 0.5;

/** The window as a box (CSS pixels: at 125 % zoom a 1366 screen is a 1093 px window). */
export const windowBox = (page: Page): Box => ({ x: 0, y: 0, ...page.viewportSize()! });

/** Each element of the locator as drawn: box, text, computed font size, and whether anything covers its centre. */
export function seen(locator: Locator): Promise<Seen[]> {
  return locator.evaluateAll((elements) =>
    elements.map((el) => {
      const r = el.getBoundingClientRect();
      const doc = el.ownerDocument;
      const hit = doc.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        name: el.getAttribute('data-testid') ?? el.textContent?.trim() ?? '',
        text: el.textContent ?? '',
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        size: parseFloat(doc.defaultView!.getComputedStyle(el).fontSize),
        onTop: hit !== null && el.contains(hit),
      };
    }),
  );
}

/** Why an element is not legible in the window, or null: off the window, smaller than 12 px, covered, or empty. */
export function whyNotLegible(s: Seen, window: Box, minSize = 12): string | null {
  if (s.width === 0 || s.height === 0) return `${s.name}: not drawn`;
  if (!inside(s, window)) return `${s.name}: outside the window (${Math.round(s.x)},${Math.round(s.y)} ${Math.round(s.width)}×${Math.round(s.height)})`;
  if (s.size < minSize) return `${s.name}: ${s.size}px`;
  if (!s.onTop) return `${s.name}: covered`;
  return null;
}

/**
 * Waits until every element the locators find is inside the window, at least 12 px and on top — layouts settle as
 * data, fonts and tables arrive, so this polls the app's state rather than measuring once. Each locator must find
 * something.
 */
export async function expectLegible(page: Page, locators: Locator[], minSize = 12) {
  await expect
    .poll(
      async () => {
        const problems: string[] = [];
        for (const locator of locators) {
          const found = await seen(locator);
          if (found.length === 0) problems.push(`${locator}: nothing found`);
          for (const s of found) {
            const why = whyNotLegible(s, windowBox(page), minSize);
            if (why) problems.push(why);
          }
        }
        return problems;
      },
      { message: 'every key element inside the window, legible and uncovered' },
    )
    .toEqual([]);
}
