import { expect, type Locator } from '@playwright/test';

/** Whether `inner`'s box lies within `outer`'s on screen. */
export async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  if (!a || !b) return false;
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
}

/**
 * Waits until `inner` lies within `outer`. A host's box grows to fit its cards once React Flow has measured
 * them, so a single look just after a scene loads can catch a card past its host's old edge.
 */
export async function expectInside(inner: Locator, outer: Locator, message?: string): Promise<void> {
  await expect.poll(() => inside(inner, outer), { message, timeout: 5_000 }).toBe(true);
}
