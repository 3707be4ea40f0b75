import type { Words } from './types';

/** Tiếng Việt: the words of every code the pages show. English, with the same keys, is in en.ts. */
export const vi: Words = {
  roles: { retailer: 'Nhà bán lẻ', producer: 'Nhà sản xuất', inspector: 'Thanh tra', authority: 'Cơ quan quản lý', admin: 'Quản trị' },
  levels: { district: 'cấp huyện', province: 'cấp tỉnh', central: 'cấp trung ương' },
  subjectKinds: { htx: 'Hợp tác xã', to_hop_tac: 'Tổ hợp tác', doanh_nghiep: 'Doanh nghiệp', ho_kinh_doanh: 'Hộ kinh doanh' },
  areaKinds: { growing_area: 'Vùng trồng', packing_house: 'Cơ sở đóng gói', other: 'Khác' },
  certificateStates: { active: 'Hiệu lực', suspended: 'Đình chỉ', revoked: 'Đã thu hồi', expired: 'Hết hạn' },
  events: {
    issued: 'cấp', suspended: 'đình chỉ', reinstated: 'khôi phục', revoked: 'thu hồi', superseded: 'được thay thế sau đánh giá lại',
    corrected: 'đính chính quyết định', recalled: 'thu hồi lô', recall_corrected: 'đính chính thu hồi lô',
  },
  grounds: {
    no_reevaluation: 'Không đánh giá lại trong 36 tháng',
    failed_criteria: 'Không đạt tiêu chí bắt buộc khi đánh giá lại',
    violation: 'Vi phạm an toàn thực phẩm, chất lượng hoặc truy xuất nguồn gốc',
    production_stopped: 'Ngừng sản xuất',
    mark_misuse: 'Sử dụng sai dấu chứng nhận OCOP',
  },
  problems: {
    counterfeit: 'Nghi hàng giả, tem giả', quality: 'Chất lượng sản phẩm có vấn đề', label: 'Nhãn, thông tin sai',
    expired_or_recalled: 'Vẫn bày bán dù đã hết hạn, bị thu hồi', other: 'Khác',
  },
  inspectionResults: { pass: 'đạt', violations: 'có vi phạm' },
  reportStates: { open: 'đang mở', closed: 'đã đóng' },
  auditActions: {
    'subject.create': 'Đăng ký chủ thể', 'subject.update': 'Sửa chủ thể',
    'area.create': 'Đăng ký vùng nguyên liệu', 'area.update': 'Sửa vùng nguyên liệu', 'area.flag': 'Ghi nhận tiêu chuẩn vùng hết hiệu lực',
    'product.create': 'Đăng ký sản phẩm', 'product.update': 'Sửa sản phẩm',
    'certificate.create': 'Ghi nhận giấy chứng nhận', 'certificate.suspend': 'Đình chỉ giấy chứng nhận',
    'certificate.reinstate': 'Khôi phục giấy chứng nhận', 'certificate.revoke': 'Thu hồi giấy chứng nhận',
    'certificate.correct': 'Đính chính quyết định về giấy chứng nhận', 'certificate.reevaluate': 'Đánh giá lại, cấp giấy chứng nhận mới',
    'batch.create': 'Khai báo lô hàng', 'batch.update': 'Sửa lô hàng', 'batch.recall': 'Thu hồi lô hàng', 'batch.correct_recall': 'Đính chính thu hồi lô',
    'stamps.issue': 'Phát hành tem', 'stamps.void': 'Vô hiệu tem', 'print.create': 'Tạo lệnh in tem',
    'inspection.record': 'Ghi biên bản kiểm tra', 'report.submit': 'Người tiêu dùng gửi phản ánh', 'report.close': 'Đóng phản ánh',
    'intake.record': 'Ghi phiên nhận hàng',
    'person.invite': 'Mời người dùng', 'person.enrol': 'Đăng ký passkey theo lời mời', 'person.disable': 'Vô hiệu hóa người dùng',
    'person.enable': 'Kích hoạt lại người dùng', 'enrolment.withdraw': 'Thu hồi lời mời', 'passkey.add': 'Thêm passkey', 'passkey.remove': 'Xóa passkey',
    'session.start': 'Đăng nhập', 'session.end': 'Đăng xuất', 'token.create': 'Tạo mã truy cập', 'token.revoke': 'Thu hồi mã truy cập',
    'keys.create': 'Tạo khóa ký', 'keys.import': 'Nhập khóa ký', 'keys.rotate': 'Xoay vòng khóa ký', 'keys.compromise': 'Đánh dấu khóa ký bị lộ',
    'keys.rewrap': 'Bọc lại khóa ký',
  },
  auditEntities: {
    subject: 'Chủ thể', raw_material_area: 'Vùng nguyên liệu', product: 'Sản phẩm', certificate: 'Giấy chứng nhận', batch: 'Lô hàng',
    stamp_range: 'Dải tem', print_job: 'Lệnh in', inspection: 'Biên bản kiểm tra', report: 'Phản ánh', intake: 'Phiên nhận hàng',
    person: 'Người dùng', enrolment: 'Lời mời', api_token: 'Mã truy cập', signing_key: 'Khóa ký',
  },
  actors: {
    anonymous: 'Người tiêu dùng (không đăng nhập)', cli: (user) => `Dòng lệnh vận hành${user ? ` (${user})` : ''}`,
    seed: 'Dữ liệu minh họa', serviceStart: 'Hệ thống, khi khởi động', firstStart: 'Hệ thống, lần chạy đầu tiên',
    system: (id) => `Hệ thống (${id})`, token: (name) => `Mã truy cập “${name}”`, unknownPerson: 'Người dùng không còn trong hệ thống',
  },
  timeline: {
    certificate: (number, event) => `Chứng nhận ${number}: ${event}`, batch: (lot, event) => `Lô ${lot}: ${event}`,
    stampsIssued: (lot, count) => `Lô ${lot}: in ${count} tem`, serials: (first, last) => `Sê-ri ${first}–${last}`,
    inspection: (result, agency) => `Kiểm tra: ${result} (${agency})`, areaFlagged: (standard) => `Vùng nguyên liệu: tiêu chuẩn ${standard} hết hiệu lực`,
    report: (state) => `Phản ánh của người tiêu dùng (${state})`,
  },
  messages: {
    personDisabled: (name, n) => `Đã vô hiệu hóa ${name}: ${n} phiên đăng nhập đã kết thúc, passkey không còn đăng nhập được.`,
    personEnabled: (name) => `Đã kích hoạt lại ${name}.`,
    invitationWithdrawn: (name) => `Đã thu hồi lời mời của ${name}: liên kết không còn dùng được.`,
    saved: 'Đã lưu.', recorded: 'Đã ghi nhận. Mọi lượt quét tem từ bây giờ hiển thị trạng thái mới.', reportClosed: 'Đã đóng phản ánh.',
    voided: 'Đã hủy các tem đã chọn: khi quét, chúng hiện "Tem đã bị hủy".', fixFields: 'Vui lòng sửa các trường được đánh dấu.',
    scopeCentral: 'Trung ương (toàn quốc)', province: (code) => `Tỉnh ${code}`,
    stampsVoided: (count, serials) => `Đã vô hiệu ${count} tem, sê-ri ${serials}: khi quét, các tem này hiện là tem đã bị vô hiệu.`,
  },
  registry: {
    subjects: { title: 'Chủ thể OCOP', singular: 'chủ thể', columns: { name: 'Tên', registrationNumber: 'Mã số', provinceCode: 'Tỉnh' } },
    areas: { title: 'Vùng nguyên liệu', singular: 'vùng nguyên liệu', columns: { name: 'Tên', officialCode: 'Mã vùng' } },
    products: { title: 'Sản phẩm', singular: 'sản phẩm', columns: { name: 'Tên', subgroupCode: 'Phân nhóm', gtin: 'GTIN' } },
    certificates: {
      title: 'Giấy chứng nhận OCOP', singular: 'giấy chứng nhận',
      columns: { number: 'Số', stars: 'Sao', validFrom: 'Hiệu lực từ', validUntil: 'Hiệu lực đến', status: 'Trạng thái' },
    },
    batches: {
      title: 'Lô hàng', singular: 'lô hàng',
      columns: { lot: 'Số lô', productionDate: 'Sản xuất', quantity: 'Số lượng', recalledOn: 'Thu hồi' },
    },
  },
  search: {
    label: 'Tìm theo mã tem hoặc đường dẫn, số sê-ri, sản phẩm, chủ thể, địa chỉ, số chứng nhận, số lô hoặc vùng nguyên liệu',
    hint: 'Gõ có dấu hay không dấu, chữ hoa hay chữ thường đều được: “tinh dau hoi” tìm thấy “Tinh dầu hồi”.',
    submit: 'Tìm', results: 'Kết quả', none: 'Không tìm thấy sản phẩm nào trong phạm vi của bạn.', matchedIn: 'khớp ở',
    unreadable: 'Không đọc được nội dung tìm kiếm: không được chứa ký tự NUL hoặc ký tự Unicode hỏng. Vui lòng gõ lại.',
  },
};
