import { createDefaultWorld } from '../sim/world';

const world = createDefaultWorld();

/** Placeholder shell until the canvas lands: lists the default world's machines and networks. */
export function App() {
  return (
    <main>
      <h1>whalewire</h1>
      <ul data-testid="machines">
        {Object.values(world.machines).map((m) => (
          <li key={m.id}>{m.id}</li>
        ))}
      </ul>
      <ul data-testid="networks">
        {Object.values(world.networks).map((n) => (
          <li key={n.id}>{n.name}</li>
        ))}
      </ul>
    </main>
  );
}
