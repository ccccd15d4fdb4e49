// hls.js ships no declarations for its light build; its API is the full build's.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
}
