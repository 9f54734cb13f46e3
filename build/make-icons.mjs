// Draw the app icon (a rising chart on NHS blue) and write build/icon.png (1024 px, from which
// electron-builder makes the Windows .ico and macOS .icns) and build/icons/<n>x<n>.png for Linux.
// Pure Node (zlib): run `node build/make-icons.mjs` after changing the drawing.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { deflateSync } from 'node:zlib';

const BLUE = [0, 94, 184];
const WHITE = [255, 255, 255];

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

function render(size) {
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

const here = new URL('.', import.meta.url);
writeFileSync(new URL('icon.png', here), render(1024));
mkdirSync(new URL('icons/', here), { recursive: true });
for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(new URL(`icons/${s}x${s}.png`, here), render(s));
process.stdout.write('Wrote build/icon.png and build/icons/*.png\n');
