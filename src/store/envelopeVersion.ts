/**
 * The envelope version this build writes. A module of its own: the envelope written by every
 * autosave needs only this number, and the migrations (which reach into the engine's swarm code)
 * stay out of the first bundle.
 */
export const CURRENT_VERSION = 4;
