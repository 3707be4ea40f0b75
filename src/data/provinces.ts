/**
 * The 34 provincial-level units in force since 1 July 2025 (Decision 19/2025/QĐ-TTg codes).
 * Codes are never reused; older records keep their former province in the address as issued.
 * `lat`/`lon` is the provincial administrative centre (approximate, two decimals). Copy detection
 * uses it to place a retailer's intake when it asks how far apart two reads of one stamp were.
 */
export const PROVINCES: Record<string, { vi: string; en: string; lat: number; lon: number }> = {
  '01': { vi: 'Thành phố Hà Nội', en: 'Hanoi', lat: 21.03, lon: 105.85 },
  '04': { vi: 'Tỉnh Cao Bằng', en: 'Cao Bang', lat: 22.67, lon: 106.26 },
  '08': { vi: 'Tỉnh Tuyên Quang', en: 'Tuyen Quang', lat: 21.82, lon: 105.21 },
  '11': { vi: 'Tỉnh Điện Biên', en: 'Dien Bien', lat: 21.39, lon: 103.02 },
  '12': { vi: 'Tỉnh Lai Châu', en: 'Lai Chau', lat: 22.4, lon: 103.46 },
  '14': { vi: 'Tỉnh Sơn La', en: 'Son La', lat: 21.33, lon: 103.91 },
  '15': { vi: 'Tỉnh Lào Cai', en: 'Lao Cai', lat: 21.72, lon: 104.9 },
  '19': { vi: 'Tỉnh Thái Nguyên', en: 'Thai Nguyen', lat: 21.59, lon: 105.85 },
  '20': { vi: 'Tỉnh Lạng Sơn', en: 'Lang Son', lat: 21.85, lon: 106.76 },
  '22': { vi: 'Tỉnh Quảng Ninh', en: 'Quang Ninh', lat: 20.95, lon: 107.08 },
  '24': { vi: 'Tỉnh Bắc Ninh', en: 'Bac Ninh', lat: 21.27, lon: 106.19 },
  '25': { vi: 'Tỉnh Phú Thọ', en: 'Phu Tho', lat: 21.32, lon: 105.4 },
  '31': { vi: 'Thành phố Hải Phòng', en: 'Hai Phong', lat: 20.86, lon: 106.68 },
  '33': { vi: 'Tỉnh Hưng Yên', en: 'Hung Yen', lat: 20.65, lon: 106.05 },
  '37': { vi: 'Tỉnh Ninh Bình', en: 'Ninh Binh', lat: 20.25, lon: 105.97 },
  '38': { vi: 'Tỉnh Thanh Hóa', en: 'Thanh Hoa', lat: 19.81, lon: 105.78 },
  '40': { vi: 'Tỉnh Nghệ An', en: 'Nghe An', lat: 18.68, lon: 105.68 },
  '42': { vi: 'Tỉnh Hà Tĩnh', en: 'Ha Tinh', lat: 18.34, lon: 105.91 },
  '44': { vi: 'Tỉnh Quảng Trị', en: 'Quang Tri', lat: 17.47, lon: 106.62 },
  '46': { vi: 'Thành phố Huế', en: 'Hue', lat: 16.46, lon: 107.59 },
  '48': { vi: 'Thành phố Đà Nẵng', en: 'Da Nang', lat: 16.05, lon: 108.2 },
  '51': { vi: 'Tỉnh Quảng Ngãi', en: 'Quang Ngai', lat: 15.12, lon: 108.8 },
  '52': { vi: 'Tỉnh Gia Lai', en: 'Gia Lai', lat: 13.78, lon: 109.22 },
  '56': { vi: 'Tỉnh Khánh Hòa', en: 'Khanh Hoa', lat: 12.24, lon: 109.19 },
  '66': { vi: 'Tỉnh Đắk Lắk', en: 'Dak Lak', lat: 12.67, lon: 108.04 },
  '68': { vi: 'Tỉnh Lâm Đồng', en: 'Lam Dong', lat: 11.94, lon: 108.44 },
  '75': { vi: 'Tỉnh Đồng Nai', en: 'Dong Nai', lat: 10.95, lon: 106.82 },
  '79': { vi: 'Thành phố Hồ Chí Minh', en: 'Ho Chi Minh City', lat: 10.78, lon: 106.7 },
  '80': { vi: 'Tỉnh Tây Ninh', en: 'Tay Ninh', lat: 10.54, lon: 106.41 },
  '82': { vi: 'Tỉnh Đồng Tháp', en: 'Dong Thap', lat: 10.36, lon: 106.36 },
  '86': { vi: 'Tỉnh Vĩnh Long', en: 'Vinh Long', lat: 10.25, lon: 105.97 },
  '91': { vi: 'Tỉnh An Giang', en: 'An Giang', lat: 10.01, lon: 105.08 },
  '92': { vi: 'Thành phố Cần Thơ', en: 'Can Tho', lat: 10.03, lon: 105.78 },
  '96': { vi: 'Tỉnh Cà Mau', en: 'Ca Mau', lat: 9.18, lon: 105.15 },
};

export const isProvinceCode = (code: string): boolean => Object.hasOwn(PROVINCES, code);
