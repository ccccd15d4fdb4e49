import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';
for (const entry of process.argv.slice(2)) {
  const out = await build({ configFile:false, root: process.cwd(), logLevel:'silent', publicDir:false, plugins:[minifyTemplatesPlugin()], build:{ write:false, target:'es2022', minify:true, lib:{ entry, formats:['es'], fileName:'b'}, rolldownOptions:{output:{minify:true}} } });
  for (const c of out[0].output.filter(c=>c.type==='chunk')) console.log(entry, c.fileName, c.isEntry, (gzipSync(c.code).length/1024).toFixed(2));
}
