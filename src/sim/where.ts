/** Where a command runs: a machine of the World, or inside a container. */
export type Where = { kind: 'machine'; id: string } | { kind: 'container'; id: string };
