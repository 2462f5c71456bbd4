import { expect, test } from '@playwright/test';
import { formatExplain } from '../../src/i18n/trace';
import { createSession, runLine } from '../../src/sim/console';
import type { Trace } from '../../src/sim/model';
import { createDefaultWorld } from '../../src/sim/world';

/**
 * ping -6 typed in the console (issue 13): two containers on an IPv6 bridge, the trace stepped
 * with the keyboard. The narration of each step is what the engine says for the same lines run
 * headlessly: neighbour solicitation flooded to the solicited-node group, advertisement, echo.
 */

const LINES = [
  'docker network create --ipv6 --subnet fd00::/64 v6net',
  'docker run -d --name c1 --network v6net alpine sleep 1000',
  'docker run -d --name c2 --network v6net alpine sleep 1000',
];
const PING = 'docker exec c1 ping -6 -c 1 c2';

function engine(lines: string[]): { trace: Trace; output: string } {
  let session = createSession(createDefaultWorld());
  let last: ReturnType<typeof runLine> | undefined;
  for (const line of lines) {
    last = runLine(session, line);
    session = last.session;
  }
  if (!last?.trace) throw new Error('no trace');
  return { trace: last.trace, output: last.output };
}

test('docker exec c1 ping -6 -c 1 c2: the console prints busybox’s IPv6 lines and the trace steps through NDP and ICMPv6 echo', async ({
  page,
}) => {
  const { trace } = engine([...LINES, PING]);
  await page.goto('/');
  const input = page.getByTestId('console-input');
  for (const line of [...LINES, PING]) {
    await input.click();
    await input.fill(line);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  }
  await expect(page.getByText('PING c2 (fd00::3): 56 data bytes')).toBeVisible();
  await expect(page.getByText(/64 bytes from fd00::3: seq=0 ttl=64 time=/)).toBeVisible();

  const panel = page.getByTestId('sim-panel');
  await panel.locator('h2').click();
  await expect(panel.getByTestId('sim-command')).toHaveText(trace.command);
  const narration = panel.getByTestId('sim-narration');
  const seen = new Set<string>();
  for (let i = 0; i < trace.steps.length; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(narration).toHaveText(formatExplain('en', trace.steps[i].explain));
    seen.add(trace.steps[i].explain.key);
    const nd = trace.steps[i].changes.find((c) => c.table === 'arp');
    if (nd) {
      const e = nd.entry as { ip: string; mac: string };
      await expect(panel.getByTestId('sim-change').filter({ hasText: e.mac })).toContainText(e.ip);
    }
  }
  for (const k of ['ndp.solicit', 'bridge.flood-multicast', 'ndp.advert', 'ndp.learn', 'ip.deliver'])
    expect(seen).toContain(k);
  await expect(panel.getByTestId('sim-outcome')).toContainText(trace.outcome.summary);
});
