import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vue's compiler would try to resolve <story-ring> as a Vue component: these tags are custom elements.
const isCustomElement = (tag: string) => tag.startsWith('story-') || tag === 'viewers-tab';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement } } })],
});
