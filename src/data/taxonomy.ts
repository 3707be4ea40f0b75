/**
 * Product classification as versioned data, so a product keeps the classification it was
 * registered under. No official alphanumeric codes exist; these numbers follow the order the
 * decisions list them in. Sub-group wording follows provincial OCOP plans and is not confirmed
 * against the decisions' appendices word for word.
 */
export type TaxonomyGroup = { vi: string; en: string; subgroups: Record<string, string> };
export type Taxonomy = { label: string; groups: Record<string, TaxonomyGroup> };

export const TAXONOMIES: Record<'2022' | '2019', Taxonomy> = {
  /** 919/QĐ-TTg (2022) and 148/QĐ-TTg (2023): six groups. */
  '2022': {
    label: 'QĐ 919/QĐ-TTg (2022), QĐ 148/QĐ-TTg (2023)',
    groups: {
      '1': {
        vi: 'Thực phẩm',
        en: 'Food',
        subgroups: {
          '1.1': 'Nông sản tươi sống',
          '1.2': 'Nông sản sơ chế',
          '1.3': 'Thực phẩm chế biến',
          '1.4': 'Gia vị',
          '1.5': 'Chè',
          '1.6': 'Cà phê, ca cao',
        },
      },
      '2': {
        vi: 'Đồ uống',
        en: 'Beverages',
        subgroups: {
          '2.1': 'Đồ uống có cồn',
          '2.2': 'Đồ uống không cồn',
        },
      },
      '3': {
        vi: 'Dược liệu và sản phẩm từ dược liệu',
        en: 'Medicinal herbs and herbal products',
        subgroups: {
          '3.1': 'Dược liệu',
          '3.2': 'Thực phẩm chức năng, thuốc dược liệu, thuốc y học cổ truyền',
          '3.3': 'Mỹ phẩm có thành phần từ thảo dược',
          '3.4': 'Trang thiết bị, dụng cụ y tế',
          '3.5': 'Tinh dầu và sản phẩm khác từ dược liệu',
        },
      },
      '4': {
        vi: 'Thủ công mỹ nghệ',
        en: 'Handicrafts',
        subgroups: {
          '4.1': 'Thủ công mỹ nghệ, gia dụng, trang trí',
          '4.2': 'Vải, may mặc',
        },
      },
      '5': {
        vi: 'Sinh vật cảnh',
        en: 'Ornamental plants and animals',
        subgroups: {
          '5.1': 'Hoa',
          '5.2': 'Cây cảnh',
          '5.3': 'Động vật cảnh',
        },
      },
      '6': {
        vi: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
        en: 'Community tourism, eco-tourism and tourist sites',
        subgroups: {
          '6.1': 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
        },
      },
    },
  },
  /** 1048/QĐ-TTg (2019): six sectors split into product sets. */
  '2019': {
    label: 'QĐ 1048/QĐ-TTg (2019)',
    groups: {
      '1': {
        vi: 'Thực phẩm',
        en: 'Food',
        subgroups: {
          '1.1': 'Rau, củ, quả, hạt tươi',
          '1.2': 'Thịt, trứng, sữa tươi',
          '1.3': 'Gạo, ngũ cốc',
          '1.4': 'Mật ong, sản phẩm từ mật ong',
          '1.5': 'Thực phẩm chế biến',
          '1.6': 'Gia vị',
          '1.7': 'Chè và sản phẩm từ chè',
          '1.8': 'Cà phê, ca cao',
        },
      },
      '2': {
        vi: 'Đồ uống',
        en: 'Beverages',
        subgroups: {
          '2.1': 'Đồ uống có cồn',
          '2.2': 'Đồ uống không cồn',
        },
      },
      '3': {
        vi: 'Thảo dược',
        en: 'Herbal products',
        subgroups: {
          '3.1': 'Thực phẩm chức năng, thuốc từ dược liệu',
          '3.2': 'Mỹ phẩm từ thảo dược',
          '3.3': 'Tinh dầu, thảo dược khác',
        },
      },
      '4': { vi: 'Vải và may mặc', en: 'Textiles and garments', subgroups: { '4.1': 'Vải, may mặc' } },
      '5': {
        vi: 'Lưu niệm, nội thất, trang trí',
        en: 'Souvenirs, furniture and decoration',
        subgroups: {
          '5.1': 'Lưu niệm, nội thất, trang trí',
        },
      },
      '6': {
        vi: 'Dịch vụ du lịch nông thôn',
        en: 'Rural tourism services',
        subgroups: {
          '6.1': 'Dịch vụ du lịch nông thôn, bán hàng',
        },
      },
    },
  },
};

export type TaxonomyVersion = keyof typeof TAXONOMIES;

export function classification(version: string, groupCode: string, subgroupCode: string) {
  const taxonomy = TAXONOMIES[version as TaxonomyVersion];
  const group = taxonomy?.groups[groupCode];
  const subgroup = group?.subgroups[subgroupCode];
  if (!group || subgroup === undefined) return null;
  return { version, groupCode, groupName: group.vi, groupNameEn: group.en, subgroupCode, subgroupName: subgroup };
}
