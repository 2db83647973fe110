#!/usr/bin/env node
// Renders icons/backstory.svg to the PNG sizes the manifest names. The PNGs are committed;
// run `npm run icons` after changing the SVG.
import { readFile, writeFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';

const SOURCE = 'icons/backstory.svg';
const SIZES_PX = [16, 32, 48, 96, 128];

const svg = await readFile(SOURCE, 'utf8');
for (const size of SIZES_PX) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  await writeFile(`icons/icon-${size}.png`, png);
  process.stdout.write(`icons/icon-${size}.png\n`);
}
