/**
 * The 34 provincial-level units in force since 1 July 2025 (Decision 19/2025/QĐ-TTg codes).
 * Codes are never reused; older records keep their former province in the address as issued.
 */
export const PROVINCES: Record<string, { vi: string; en: string }> = {
  '01': { vi: 'Thành phố Hà Nội', en: 'Hanoi' },
  '04': { vi: 'Tỉnh Cao Bằng', en: 'Cao Bang' },
  '08': { vi: 'Tỉnh Tuyên Quang', en: 'Tuyen Quang' },
  '11': { vi: 'Tỉnh Điện Biên', en: 'Dien Bien' },
  '12': { vi: 'Tỉnh Lai Châu', en: 'Lai Chau' },
  '14': { vi: 'Tỉnh Sơn La', en: 'Son La' },
  '15': { vi: 'Tỉnh Lào Cai', en: 'Lao Cai' },
  '19': { vi: 'Tỉnh Thái Nguyên', en: 'Thai Nguyen' },
  '20': { vi: 'Tỉnh Lạng Sơn', en: 'Lang Son' },
  '22': { vi: 'Tỉnh Quảng Ninh', en: 'Quang Ninh' },
  '24': { vi: 'Tỉnh Bắc Ninh', en: 'Bac Ninh' },
  '25': { vi: 'Tỉnh Phú Thọ', en: 'Phu Tho' },
  '31': { vi: 'Thành phố Hải Phòng', en: 'Hai Phong' },
  '33': { vi: 'Tỉnh Hưng Yên', en: 'Hung Yen' },
  '37': { vi: 'Tỉnh Ninh Bình', en: 'Ninh Binh' },
  '38': { vi: 'Tỉnh Thanh Hóa', en: 'Thanh Hoa' },
  '40': { vi: 'Tỉnh Nghệ An', en: 'Nghe An' },
  '42': { vi: 'Tỉnh Hà Tĩnh', en: 'Ha Tinh' },
  '44': { vi: 'Tỉnh Quảng Trị', en: 'Quang Tri' },
  '46': { vi: 'Thành phố Huế', en: 'Hue' },
  '48': { vi: 'Thành phố Đà Nẵng', en: 'Da Nang' },
  '51': { vi: 'Tỉnh Quảng Ngãi', en: 'Quang Ngai' },
  '52': { vi: 'Tỉnh Gia Lai', en: 'Gia Lai' },
  '56': { vi: 'Tỉnh Khánh Hòa', en: 'Khanh Hoa' },
  '66': { vi: 'Tỉnh Đắk Lắk', en: 'Dak Lak' },
  '68': { vi: 'Tỉnh Lâm Đồng', en: 'Lam Dong' },
  '75': { vi: 'Tỉnh Đồng Nai', en: 'Dong Nai' },
  '79': { vi: 'Thành phố Hồ Chí Minh', en: 'Ho Chi Minh City' },
  '80': { vi: 'Tỉnh Tây Ninh', en: 'Tay Ninh' },
  '82': { vi: 'Tỉnh Đồng Tháp', en: 'Dong Thap' },
  '86': { vi: 'Tỉnh Vĩnh Long', en: 'Vinh Long' },
  '91': { vi: 'Tỉnh An Giang', en: 'An Giang' },
  '92': { vi: 'Thành phố Cần Thơ', en: 'Can Tho' },
  '96': { vi: 'Tỉnh Cà Mau', en: 'Ca Mau' },
};

export const isProvinceCode = (code: string): boolean => Object.hasOwn(PROVINCES, code);
