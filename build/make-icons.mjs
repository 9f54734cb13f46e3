// Draw the app icon (a rising chart on NHS blue) and write build/icon.png (1024 px, from which
// electron-builder makes the Windows .ico and macOS .icns) and build/icons/<n>x<n>.png for Linux.
// Also draw the two document icons (electron-builder.yml fileAssociations): a page with a blue band
// and chart bars for a scenario (build/momentum.ico, .icns), a page with a green band and a replay
// arrow for a saved run (build/momentum-run.ico, .icns). Pure Node (zlib), deterministic: run
// `node build/make-icons.mjs` after changing a drawing (`--out DIR` writes elsewhere, for the test
// that checks the committed files are what this script draws).
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { resolve } from 'node:path';
import { pathToFileURL, URL } from 'node:url';
import { deflateSync } from 'node:zlib';

const BLUE = [0, 94, 184];
const GREEN = [0, 127, 59];
const WHITE = [255, 255, 255];
const GREY = [118, 134, 146];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Signed distance helpers in unit coordinates (0..1). */
const roundedRect = (x, y, x0, y0, x1, y1, r) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const nearSegment = (x, y, ax, ay, bx, by, w) => {
  const vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const px = ax + t * vx - x, py = ay + t * vy - y;
  return px * px + py * py <= w * w;
};

const inTriangle = (x, y, a, b, c) => {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b), d2 = side(b, c), d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

/** Return [inside background, inside white mark] for a point. */
function sample(x, y) {
  const bg = roundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2);
  const bars = [[0.2, 0.66], [0.38, 0.56], [0.56, 0.46]].some(([x0, top]) => roundedRect(x, y, x0, top, x0 + 0.12, 0.8, 0.025));
  const line = nearSegment(x, y, 0.18, 0.5, 0.4, 0.34, 0.028) || nearSegment(x, y, 0.4, 0.34, 0.56, 0.4, 0.028) || nearSegment(x, y, 0.56, 0.4, 0.76, 0.22, 0.028);
  const head = inTriangle(x, y, [0.85, 0.13], [0.66, 0.18], [0.8, 0.32]);
  return [bg, bg && (bars || line || head)];
}

/** Return [inside the page, inside the page's coloured band, inside a white mark on the band, on the page's outline] for a document icon. */
function documentSample(mark) {
  return (x, y) => {
    const page = roundedRect(x, y, 0.16, 0.04, 0.84, 0.96, 0.05) && !(x > 0.62 && y < 0.26 && x - 0.62 > y - 0.04);
    const inner = roundedRect(x, y, 0.19, 0.07, 0.81, 0.93, 0.035) && !(x > 0.6 && y < 0.29 && x - 0.6 > y - 0.07);
    const fold = inTriangle(x, y, [0.62, 0.04], [0.62, 0.26], [0.84, 0.26]);
    const band = inner && y > 0.44 && y < 0.9 && x > 0.22 && x < 0.78;
    return { fill: page || fold, outline: (page && !inner) || fold, band, mark: band && mark(x, y) };
  };
}
const scenarioMark = (x, y) => [[0.3, 0.7], [0.44, 0.62], [0.58, 0.54]].some(([x0, top]) => roundedRect(x, y, x0, top, x0 + 0.1, 0.82, 0.02));
const runMark = (x, y) => {
  // A circular arrow (run again) around a small play triangle.
  const dx = x - 0.5, dy = y - 0.67, r = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx);
  const ring = r > 0.13 && r < 0.175 && !(angle > -1.9 && angle < -0.9);
  const head = inTriangle(x, y, [0.43, 0.47], [0.55, 0.5], [0.44, 0.6]);
  const play = inTriangle(x, y, [0.46, 0.61], [0.46, 0.73], [0.57, 0.67]);
  return ring || head || play;
};

function renderApp(size) {
  const ss = size >= 256 ? 3 : 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let a = 0, w = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [bg, mark] = sample((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (bg) a++;
          if (mark) w++;
        }
      }
      const n = ss * ss, i = (py * size + px) * 4;
      const alpha = a / n, white = a ? w / a : 0;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(BLUE[c] * (1 - white) + WHITE[c] * white);
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return png(size, out);
}

/** Render `size` px: the app icon, or the icon of a document kind ('scenario' or 'run'). */
function render(size, kind = 'app') {
  if (kind === 'app') return renderApp(size);
  const ss = size >= 256 ? 3 : 4;
  const out = Buffer.alloc(size * size * 4);
  const doc = documentSample(kind === 'scenario' ? scenarioMark : runMark);
  const bandColor = kind === 'run' ? GREEN : BLUE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size, y = (py + (sy + 0.5) / ss) / size;
          const d = doc(x, y);
          const color = d.fill ? (d.outline ? GREY : d.mark ? WHITE : d.band ? bandColor : WHITE) : null;
          if (color) {
            a++;
            for (let c = 0; c < 3; c++) acc[c] += color[c];
          }
        }
      }
      const n = ss * ss, i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = a ? Math.round(acc[c] / a) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return png(size, out);
}

/** Return a Windows .ico holding PNG images of these sizes (Vista and later read PNG entries). */
function ico(sizes, kind) {
  const images = sizes.map((s) => render(s, kind));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((s, k) => {
    const e = 6 + 16 * k;
    header[e] = s >= 256 ? 0 : s; // 0 means 256
    header[e + 1] = s >= 256 ? 0 : s;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(images[k].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[k].length;
  });
  return Buffer.concat([header, ...images]);
}

/** Return a macOS .icns holding PNG images under their type codes. */
function icns(kind) {
  const types = [['icp4', 16], ['icp5', 32], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];
  const entries = types.map(([type, s]) => {
    const data = render(s, kind);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const outAt = process.argv.indexOf('--out');
const here = outAt >= 0 ? pathToFileURL(`${resolve(process.argv[outAt + 1])}/`) : new URL('.', import.meta.url);
mkdirSync(here, { recursive: true });
writeFileSync(new URL('icon.png', here), render(1024));
mkdirSync(new URL('icons/', here), { recursive: true });
for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(new URL(`icons/${s}x${s}.png`, here), render(s));
for (const [name, kind] of [['momentum', 'scenario'], ['momentum-run', 'run']]) {
  writeFileSync(new URL(`${name}.ico`, here), ico([16, 24, 32, 48, 64, 128, 256], kind));
  writeFileSync(new URL(`${name}.icns`, here), icns(kind));
}
process.stdout.write(`Wrote icon.png, icons/*.png, momentum.{ico,icns} and momentum-run.{ico,icns} in ${here.pathname}\n`);
