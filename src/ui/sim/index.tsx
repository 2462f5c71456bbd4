/**
 * Simulation mode (issue 4): owned by the simulation-mode work. The canvas mounts these:
 * `PacketLayer` as a child of <ReactFlow> (draws the moving packet marker), `SimulationPanel`
 * beside the canvas (controls, event list, header inspector, narration).
 */
export { PacketLayer } from './PacketLayer';
export { SimulationPanel } from './SimulationPanel';
