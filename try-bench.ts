import { readFileSync } from 'node:fs';
import { generateKeyPair } from 'jose';
import { renderLabelsPdf } from './src/labels/render-labels';
import { LABEL_TEMPLATES } from './src/labels/templates';
import { signStamp, stampUrl } from './src/domain/stamp-codec';
const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
const fontBytes = readFileSync('labels/fonts/DejaVuSansCondensed.ttf');
const stamps = [];
let t = performance.now();
for (let i = 0; i < 10000; i++) stamps.push({ serial: 1000000 + i, url: stampUrl('https://ocop.example.vn', await signStamp(privateKey, 'K1', 1000000 + i)) });
console.log('sign ms', Math.round(performance.now() - t));
t = performance.now();
const pdf = await renderLabelsPdf({ template: LABEL_TEMPLATES.get('a4-3x8-70x37')!, stamps, fontBytes, createdAt: new Date(0), title: 't',
  content: { productName: 'Tinh dầu hồi Văn Quan', stars: 4, lot: 'HVQ2610', productionDate: '2026-10-02', bestBefore: '2028-10-01', producer: 'HTX Văn Quan Xanh', province: 'Lạng Sơn' } });
console.log('render ms', Math.round(performance.now() - t), 'bytes/label', Math.round(pdf.length / 10000), 'rss MB', Math.round(process.memoryUsage().rss / 1e6));
