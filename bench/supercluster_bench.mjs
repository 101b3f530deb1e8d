// SPDX-License-Identifier: GPL-3.0-or-later
// The peer in `bench/cluster_bench.sh`: npm supercluster indexing the same lon,lat points with the
// same radius and maxZoom as `visitmap-cli bench cluster`. Prints lines in the same format.
// Usage: node supercluster_bench.mjs POINTS.csv RADIUS MAXZOOM REPEAT (run from a folder where
// `npm install supercluster` was done, or with NODE_PATH pointing at it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/');
const Supercluster = require('supercluster').default ?? require('supercluster');

const [file, radius = '60', maxZoom = '18', repeat = '1'] = process.argv.slice(2);
const peakMb = () => {
    const status = readFileSync('/proc/self/status', 'utf8');
    const m = status.match(/VmHWM:\s+(\d+)/);
    return m ? Number(m[1]) / 1024 : 0;
};

let t = performance.now();
const lines = readFileSync(file, 'utf8').split('\n');
const header = lines[0].replace(/^\uFEFF/, '').trim().split(',');
const cLon = header.indexOf('lon'), cLat = header.indexOf('lat');
const features = [];
for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const f = lines[i].split(',');
    features.push({ type: 'Feature', properties: null,
                    geometry: { type: 'Point', coordinates: [Number(f[cLon]), Number(f[cLat])] } });
}
lines.length = 0;
console.log(`points ${features.length}`);
console.log(`read_ms ${(performance.now() - t).toFixed(0)}`);
const before = peakMb();
const times = [];
let index;
for (let r = 0; r < Number(repeat); r++) {
    index = null;
    if (global.gc) global.gc();
    t = performance.now();
    index = new Supercluster({ radius: Number(radius), maxZoom: Number(maxZoom), minPoints: 2 }).load(features);
    times.push(performance.now() - t);
    console.log(`run_ms ${times[times.length - 1].toFixed(1)}`);
}
console.log(`items_zoom0 ${index.getClusters([-180, -85, 180, 85], 0).length}`);
console.log(`items_zoom${maxZoom} ${index.trees[Number(maxZoom)].numItems}`);
console.log(`rss_before_index_mb ${before.toFixed(1)}`);
console.log(`peak_rss_mb ${peakMb().toFixed(1)}`);
times.sort((a, b) => a - b);
console.log(`index_ms ${times[Math.floor(times.length / 2)].toFixed(1)}`);
