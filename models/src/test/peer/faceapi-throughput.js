// The peer of `face-cli throughput`: face-api.js 1.7.15 (@vladmandic/face-api, tfjs-backend-wasm)
// on the same photos, whole photo = decode + SSD MobileNet v1 + 68 landmarks + 128-D descriptor of
// every face, one photo after another. Prints photos per CPU-second (process.cpuUsage: user +
// system, all threads) and the median round wall time. Not part of the build; nothing from npm is
// committed. Set-up in a scratch folder outside the repository (npm registry needed once):
//
//   mkdir /tmp/peer && cd /tmp/peer && echo '{"private":true}' > package.json
//   npm pack @vladmandic/face-api@1.7.15 && tar xzf vladmandic-face-api-1.7.15.tgz
//   npm install --ignore-scripts @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 \
//     jpeg-js@0.4.4 pngjs@7.0.0
//   NODE_PATH=/tmp/peer/node_modules node models/src/test/peer/faceapi-throughput.js \
//     --faceapi /tmp/peer/package --rounds 3 ../shared/data/faces/att_orl_faces/png
//
// Options: --faceapi DIR (the unpacked package), --rounds N (timed rounds after one untimed),
// --pad F (black border of F x width/height per side before detection; default 0), --json.
'use strict';

const fs = require('fs');
const path = require('path');

function parse(argv) {
  const o = { rounds: 3, pad: 0, json: false, faceapi: null, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rounds') o.rounds = Number(argv[++i]);
    else if (a === '--pad') o.pad = Number(argv[++i]);
    else if (a === '--faceapi') o.faceapi = argv[++i];
    else if (a === '--json') o.json = true;
    else o.inputs.push(a);
  }
  if (!o.faceapi || o.inputs.length === 0) {
    throw new Error('usage: --faceapi DIR [--rounds N] [--pad F] [--json] PHOTO|DIR...');
  }
  return o;
}

function collect(inputs) {
  const out = [];
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    } else if (/\.(jpe?g|png)$/i.test(p)) {
      out.push(p);
    }
  };
  inputs.forEach(walk);
  return out;
}

// Decodes JPEG or PNG to packed RGB (gray and alpha become three channels), optionally with a
// black border, as face-cli's --pad does.
function decode(bytes, file, pad, jpeg, PNG) {
  let w, h, rgba;
  if (/\.png$/i.test(file)) {
    const png = PNG.sync.read(bytes);
    w = png.width; h = png.height; rgba = png.data;
  } else {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    w = img.width; h = img.height; rgba = img.data;
  }
  const pw = Math.round(pad * w);
  const ph = Math.round(pad * h);
  const W = w + 2 * pw;
  const H = h + 2 * ph;
  const rgb = new Uint8Array(W * H * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = 4 * (y * w + x);
      const d = 3 * ((y + ph) * W + x + pw);
      rgb[d] = rgba[s]; rgb[d + 1] = rgba[s + 1]; rgb[d + 2] = rgba[s + 2];
    }
  }
  return { rgb, W, H };
}

async function main() {
  const o = parse(process.argv.slice(2));
  const faceapi = require(path.join(path.resolve(o.faceapi), 'dist/face-api.node-wasm.js'));
  const tf = faceapi.tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/');
  await tf.setBackend('wasm');
  await tf.ready();
  const jpeg = require('jpeg-js');
  const { PNG } = require('pngjs');
  const models = path.join(path.resolve(o.faceapi), 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(models);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
  const files = collect(o.inputs);
  const photos = files.map((f) => ({ file: f, bytes: fs.readFileSync(f) }));
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });

  async function round() {
    let withDescriptor = 0;
    for (const p of photos) {
      const { rgb, W, H } = decode(p.bytes, p.file, o.pad, jpeg, PNG);
      const t = tf.tensor3d(rgb, [H, W, 3], 'int32');
      const faces = await faceapi.detectAllFaces(t, options).withFaceLandmarks().withFaceDescriptors();
      t.dispose();
      if (faces.length > 0) withDescriptor++;
    }
    return withDescriptor;
  }

  await round(); // untimed: kernel set-up, first allocations
  const wall = [];
  let cpuMicros = 0;
  let found = 0;
  const load = require('os').loadavg()[0];
  for (let r = 0; r < o.rounds; r++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    found = await round();
    wall.push(Number(process.hrtime.bigint() - t) / 1e9);
    const d = process.cpuUsage(c);
    cpuMicros += d.user + d.system;
    console.error(`round ${r + 1}: ${wall[r].toFixed(2)} s`);
  }
  const sorted = [...wall].sort((a, b) => a - b);
  const median = sorted[Math.ceil(0.5 * sorted.length) - 1];
  const perCpu = (photos.length * o.rounds) / (cpuMicros / 1e6);
  const figures = {
    peer: 'face-api.js 1.7.15 (@vladmandic/face-api), tfjs ' + tf.version_core + ' wasm',
    photos: photos.length,
    photosWithDescriptor: found,
    rounds: o.rounds,
    pad: o.pad,
    medianWallSeconds: median,
    photosPerSecond: photos.length / median,
    photosPerCpuSecond: perCpu,
    cpuMsPerPhoto: cpuMicros / 1e3 / (photos.length * o.rounds),
    loadAverageBefore: load,
    loadAverageAfter: require('os').loadavg()[0],
  };
  console.log(`peer (${figures.peer}): median round ${median.toFixed(2)} s (${figures.photosPerSecond.toFixed(1)} photos/s), `
    + `${perCpu.toFixed(1)} photos per CPU-second (${figures.cpuMsPerPhoto.toFixed(1)} ms CPU per photo); `
    + `${found} of ${photos.length} photos with a descriptor; load average ${load.toFixed(1)} -> ${figures.loadAverageAfter.toFixed(1)}`);
  if (o.json) console.log(JSON.stringify(figures));
}

main().catch((e) => { console.error(e); process.exit(1); });
