/**
 * The columns of a certificate list (README, "Importing certificate lists"): the key is the
 * header the template writes; `vi` (the key with its diacritics) and the English name are
 * accepted too, as is anything that folds to one of them ("TEN CHU THE", "Subject name").
 */
export const IMPORT_COLUMNS = [
  {
    key: 'ten_chu_the',
    vi: 'Tên chủ thể',
    en: 'subject_name',
    required: true,
    label: 'Tên chủ thể',
    example: 'HTX Chè Tân Cương',
  },
  {
    key: 'loai_chu_the',
    vi: 'Loại chủ thể',
    en: 'subject_kind',
    required: true,
    label: 'Loại chủ thể (htx, to_hop_tac, doanh_nghiep, ho_kinh_doanh)',
    example: 'htx',
  },
  {
    key: 'ma_so_dang_ky',
    vi: 'Mã số đăng ký',
    en: 'registration_number',
    required: true,
    label: 'Mã số đăng ký (mã số thuế, số đăng ký kinh doanh)',
    example: '4600123456',
  },
  {
    key: 'dia_chi',
    vi: 'Địa chỉ',
    en: 'address',
    required: true,
    label: 'Địa chỉ (ghi như trên giấy chứng nhận)',
    example: 'Xóm Nam Đồng, xã Tân Cương, TP Thái Nguyên, tỉnh Thái Nguyên',
  },
  {
    key: 'ma_tinh',
    vi: 'Mã tỉnh',
    en: 'province_code',
    required: true,
    label: 'Mã hoặc tên tỉnh (34 tỉnh hiện nay hoặc 63 tỉnh trước 01/7/2025)',
    example: '19',
  },
  {
    key: 'ten_san_pham',
    vi: 'Tên sản phẩm',
    en: 'product_name',
    required: true,
    label: 'Tên sản phẩm',
    example: 'Chè xanh Tân Cương',
  },
  { key: 'nhom', vi: 'Nhóm', en: 'group_code', required: true, label: 'Nhóm sản phẩm (1–6)', example: '1' },
  {
    key: 'phan_nhom',
    vi: 'Phân nhóm',
    en: 'subgroup_code',
    required: true,
    label: 'Phân nhóm (ví dụ 1.5)',
    example: '1.5',
  },
  { key: 'gtin', vi: 'GTIN', en: 'gtin', required: false, label: 'Mã GTIN (nếu có)', example: '8930000000019' },
  { key: 'diem', vi: 'Điểm', en: 'score', required: true, label: 'Điểm đánh giá (0–100)', example: '78' },
  { key: 'so_sao', vi: 'Số sao', en: 'stars', required: true, label: 'Số sao (3–5)', example: '4' },
  {
    key: 'so_chung_nhan',
    vi: 'Số chứng nhận',
    en: 'certificate_number',
    required: true,
    label: 'Số giấy chứng nhận',
    example: 'OCOP-TN-2024-0012',
  },
  {
    key: 'so_quyet_dinh',
    vi: 'Số quyết định',
    en: 'decision_number',
    required: true,
    label: 'Số quyết định công nhận',
    example: '1234/QĐ-UBND',
  },
  {
    key: 'ngay_quyet_dinh',
    vi: 'Ngày quyết định',
    en: 'decision_date',
    required: true,
    label: 'Ngày quyết định (dd/mm/yyyy)',
    example: '15/03/2024',
  },
  {
    key: 'cap_cong_nhan',
    vi: 'Cấp công nhận',
    en: 'issuer_level',
    required: false,
    label: 'Cấp công nhận (huyện, tỉnh, trung ương; để trống: theo quy định)',
    example: 'tỉnh',
  },
  {
    key: 'co_quan_cap',
    vi: 'Cơ quan cấp',
    en: 'issuer_name',
    required: true,
    label: 'Cơ quan cấp',
    example: 'UBND tỉnh Thái Nguyên',
  },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

/** Largest file accepted, and most rows: a province's whole list fits many times over. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
