import { expect, test } from 'vitest';
import { createDefaultWorld } from '../../../src/sim/world';
import { candidatesFor, complete } from '../../../src/ui/panels/complete';

const world = createDefaultWorld();

test.each([
  ['docker network inspect br', 'docker network inspect bridge '],
  ['docker network c', 'docker network c'],
  ['@pc', '@pc'],
  ['@rou', '@router '],
  ['docker run -dit nicolaka/net', 'docker run -dit nicolaka/netshoot '],
  ['docker pull ngi', 'docker pull nginx '],
  ['docker unp', 'docker unpause '],
])('Tab after %j gives %j', (line, expected) => {
  expect(complete(line, candidatesFor(line, world, ['nicolaka/netshoot', 'nginx'])).line).toBe(expected);
});

test('several matches are listed', () => {
  expect(complete('@pc', candidatesFor('@pc', world, [])).matches).toEqual(['@pc1', '@pc2']);
});
