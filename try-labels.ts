import { readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPair } from 'jose';
import { renderLabelsPdf } from './src/labels/render-labels';
import { LABEL_TEMPLATES } from './src/labels/templates';
import { signStamp, stampUrl } from './src/domain/stamp-codec';
const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
const fontBytes = readFileSync('labels/fonts/DejaVuSansCondensed.ttf');
for (const [id, template] of LABEL_TEMPLATES) {
  const count = Number(process.argv[2] ?? 30);
  const stamps = [];
  for (let i = 0; i < count; i++) stamps.push({ serial: 1000000 + i, url: stampUrl('https://ocop.example.vn', await signStamp(privateKey, 'K1', 1000000 + i)) });
  const t = performance.now();
  const pdf = await renderLabelsPdf({ template, stamps, fontBytes, createdAt: new Date('2026-11-23T00:00:00Z'), title: 'test',
    content: { productName: 'Rượu men lá Hữu Lễ thượng hạng đóng chai thủy tinh 500 ml', stars: 4, lot: 'RML2501', productionDate: '2026-01-06', bestBefore: '2030-01-05', producer: 'Tổ hợp tác Rượu men lá Hữu Lễ', province: 'Lạng Sơn' } });
  console.log(id, count, 'ms', Math.round(performance.now() - t), 'bytes/label', Math.round(pdf.length / count));
  writeFileSync(`/tmp/lbl-${id}.pdf`, pdf);
}
