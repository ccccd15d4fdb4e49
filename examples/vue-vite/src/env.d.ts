// The stories-kit tags in Vue's GlobalComponents, generated from custom-elements.json:
// templates get their attributes, properties and events typed (vue-tsc, strictTemplates).
import type {} from 'stories-kit/vue';
