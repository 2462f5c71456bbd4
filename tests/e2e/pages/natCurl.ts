import type { Page } from '@playwright/test';
import { sceneById } from '../../../src/sim/scenes';
import { AppPage } from './AppPage';
import { LessonPanel } from './LessonPanel';

/** Seed 000's NAT scene: web published on 8001, the router forwarding 80 to it. */
export const NAT = sceneById('nat-portfwd')!;
/** A full NATed curl from the internet: 104 steps. */
export const CURL = '@remote curl -s http://124.111.46.91/';

/**
 * Opens the app in `lang` on the NAT scene and runs the curl from the console; then clicks the
 * narration, as a teacher clicks the story, so the keys go to the simulation.
 */
export async function curlFromInternet(page: Page, lang: 'en' | 'ko' = 'en') {
  const app = new AppPage(page);
  const sim = new LessonPanel(page);
  await app.open(`?lang=${lang}`);
  await app.seed(...NAT.script.filter((l) => !l.startsWith('#')));
  await app.type(CURL);
  await sim.narration().click();
  return { app, sim };
}
