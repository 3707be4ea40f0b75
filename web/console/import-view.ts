import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, XLSX_TYPE } from '../../src/data/import-columns';
import { PROVINCES } from '../../src/data/provinces';
import type { ImportReport } from '../../src/services/imports/import-certificates';
import { html, type Html } from '../view';
import { vi } from '../words/vi';

/** The file a report was made from, sent back (base64) by the report's buttons: the server keeps no upload between steps. */
export type UploadedList = { name: string; base64: string };

const hidden = (csrf: string, file: UploadedList) => html`<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="content" value="${file.base64}"><input type="hidden" name="name" value="${file.name}">`;

const columnsTable = html`<details class="card"><summary>Các cột của tệp (${IMPORT_COLUMNS.length} cột)</summary>
<table><caption class="skip">Các cột của tệp danh sách chứng nhận</caption>
<thead><tr><th scope="col">Tiêu đề</th><th scope="col">Tên tiếng Anh</th><th scope="col">Nội dung</th><th scope="col">Ví dụ</th></tr></thead>
<tbody>${IMPORT_COLUMNS.map((c) => html`<tr><td><code>${c.key}</code>${c.required ? ' *' : ''}</td><td><code>${c.en}</code></td><td>${c.label}</td><td>${c.example}</td></tr>`)}</tbody></table>
<p class="hint">* bắt buộc. Tiêu đề viết có dấu (“Tên chủ thể”) hoặc tên tiếng Anh cũng được nhận.</p></details>`;

/** The upload form; `message` and `details`: why the last file could not be read at all. */
export function importUploadView(csrf: string, failure?: { message: string; details: string[] }): Html {
  return html`<p>Nhập danh sách giấy chứng nhận OCOP đã cấp từ tệp CSV (UTF-8) hoặc Excel (.xlsx), tối đa ${IMPORT_MAX_BYTES / 1024 / 1024} MB.
Trước khi ghi, từng dòng được kiểm tra theo đúng quy định cấp chứng nhận; bạn xem báo cáo rồi mới bấm Nhập.</p>
<p>Tải tệp mẫu: <a href="/console/imports/template.csv" download>CSV</a> · <a href="/console/imports/template.xlsx" download>Excel (.xlsx)</a></p>
${failure ? html`<div class="error" role="alert"><p>${failure.message}</p>${failure.details.length ? html`<ul>${failure.details.map((d) => html`<li>${d}</li>`)}</ul>` : ''}</div>` : ''}
<form class="card" method="post" action="/console/imports" enctype="multipart/form-data"><input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="import-file">Tệp danh sách (CSV hoặc XLSX)</label>
<input id="import-file" type="file" name="file" accept=".csv,.xlsx,text/csv,${XLSX_TYPE}" required aria-describedby="import-hint"${failure ? ' aria-invalid="true"' : ''}>
<div class="hint" id="import-hint">Dòng đầu là tiêu đề cột. Ngày ghi dd/mm/yyyy. Mã tỉnh theo 34 tỉnh hiện nay hoặc 63 tỉnh trước 01/7/2025: địa chỉ giữ nguyên như trên giấy chứng nhận.</div></div>
<button type="submit">Kiểm tra tệp</button></form>
${columnsTable}`;
}

const province = (code: string | null) => (code ? (PROVINCES[code]?.vi ?? code) : '—');
const outcome = (o: 'new' | 'existing' | null) => (o ? vi.importOutcomes[o] : '—');
const tally = (t: { new: number; existing: number }) =>
  `${t.new} ${vi.importOutcomes.new}, ${t.existing} ${vi.importOutcomes.existing}`;

function countsView(r: ImportReport): Html {
  const c = r.counts;
  return html`<table class="counts" aria-label="Tổng hợp"><tbody>
<tr><th scope="row">Dòng dữ liệu</th><td data-count="rows">${c.rows}</td></tr>
<tr><th scope="row">Dòng có lỗi</th><td data-count="rows-with-problems">${c.rowsWithProblems}</td></tr>
<tr><th scope="row">Số lỗi</th><td data-count="problems">${c.problems}</td></tr>
<tr><th scope="row">Chủ thể</th><td>${tally(c.subjects)}</td></tr>
<tr><th scope="row">Sản phẩm</th><td>${tally(c.products)}</td></tr>
<tr><th scope="row">Giấy chứng nhận</th><td data-count="certificates">${tally(c.certificates)}</td></tr>
<tr><th scope="row">Địa chỉ theo tỉnh cũ, đã quy đổi</th><td>${c.formerProvinces}</td></tr></tbody></table>`;
}

function problemsView(r: ImportReport): Html {
  return html`<h2 id="problems">Lỗi cần sửa (${r.problems.length})</h2>
<table aria-labelledby="problems"><thead><tr><th scope="col">Dòng</th><th scope="col">Cột</th><th scope="col">Giá trị</th><th scope="col">Loại</th><th scope="col">Lỗi</th></tr></thead>
<tbody>${r.problems.map(
    (
      p,
    ) => html`<tr data-problem-row="${p.row}" data-problem-column="${p.column}"><td>${p.row}</td><td><code>${r.headers[p.column] ?? p.column}</code></td>
<td>${p.value || '(trống)'}</td><td>${vi.importProblems[p.code]}</td><td>${p.message}</td></tr>`,
  )}</tbody></table>`;
}

function rowsView(r: ImportReport): Html {
  return html`<details class="card"><summary>Từng dòng (${r.rows.length})</summary><table><thead><tr><th scope="col">Dòng</th><th scope="col">Tỉnh</th>
<th scope="col">Chủ thể</th><th scope="col">Sản phẩm</th><th scope="col">Chứng nhận</th></tr></thead>
<tbody>${r.rows.map(
    (
      row,
    ) => html`<tr><td>${row.row}</td><td>${province(row.provinceCode)}${row.formerProvince ? html` <span class="hint">(trước đây ${row.formerProvince.name})</span>` : ''}</td>
<td>${outcome(row.subject)}</td><td>${outcome(row.product)}</td><td>${outcome(row.certificate)}</td></tr>`,
  )}</tbody></table></details>`;
}

/** The dry run's report: counts, every problem by row and column, and the button that commits when there is none. */
export function importReportView(report: ImportReport, file: UploadedList, csrf: string, refusal?: string): Html {
  const c = report.counts;
  const news = c.subjects.new + c.products.new + c.certificates.new;
  const next = report.problems.length
    ? html`<p class="error" role="alert">${refusal ?? `Chưa nhập được: ${c.problems} lỗi ở ${c.rowsWithProblems} dòng. Sửa tệp rồi tải lên lại.`}</p>
${problemsView(report)}
<form method="post" action="/console/imports/report.csv" enctype="multipart/form-data" class="toolbar">${hidden(csrf, file)}
<button type="submit" class="secondary">Tải báo cáo lỗi (CSV)</button></form>`
    : news === 0
      ? html`<p class="notice" role="status">Mọi dòng đã có trong sổ: nhập lại tệp này không thay đổi gì.</p>`
      : html`<form class="card" method="post" action="/console/imports/commit" enctype="multipart/form-data">${hidden(csrf, file)}
<p>Không có lỗi. Bấm Nhập để ghi ${c.certificates.new} giấy chứng nhận, ${c.products.new} sản phẩm và ${c.subjects.new} chủ thể mới trong một lần:
nếu có trục trặc, không dòng nào được ghi.</p><button type="submit">Nhập</button></form>`;
  return html`<p>Tệp <strong>${file.name}</strong> (${report.format.toUpperCase()}), SHA-256 <code>${report.sha256}</code></p>
${report.ignoredHeaders.length ? html`<p class="hint">Cột không dùng đến: ${report.ignoredHeaders.join(', ')}.</p>` : ''}
${countsView(report)}
${next}
${rowsView(report)}
<p><a href="/console/imports">‹ Tải lên tệp khác</a></p>`;
}

/** After a commit: what was written. */
export function importDoneView(report: ImportReport, fileName: string): Html {
  const c = report.counts;
  return html`<p class="notice" role="status">Đã nhập tệp ${fileName}: ${c.certificates.new} giấy chứng nhận, ${c.products.new} sản phẩm, ${c.subjects.new} chủ thể mới
(${c.certificates.existing} chứng nhận đã có từ trước). Nhật ký ghi mã SHA-256 của tệp: <code>${report.sha256}</code>.</p>
${countsView(report)}
<p><a href="/console/certificates">Xem danh sách chứng nhận</a> · <a href="/console/imports">Nhập tệp khác</a></p>`;
}
