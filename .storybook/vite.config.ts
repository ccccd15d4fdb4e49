import { defineConfig } from 'vite';

// Storybook's own Vite settings; the elements need nothing beyond TypeScript's
// experimental decorators, which Vite reads from tsconfig.json.
export default defineConfig({});
