/**
 * `stories-kit/demo.js`: the demo world (accounts, followed accounts and live stories of
 * every kind, on the bundled media) and `seedDemo(adapter)` to fill a LocalAdapter with it.
 * Its own entry, so the library proper carries no demo data.
 */
export { seedDemo, demoWorld, DEMO_ME, type World, type SeedOptions } from './adapters/demo-world.js';
