// The entries a brand page with a stories bar and a sidebar imports.
import '../../src/story-ring.js';
import '../../src/story-bar.js';
import '../../src/story-sidebar.js';
import '../../src/story-provider.js';
