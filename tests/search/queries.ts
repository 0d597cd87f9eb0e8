/**
 * What officials type, and the case that must come back. `top`: the highest rank that counts as
 * a hit (1 = must be first). Each locale's queries run against that locale's index.
 */
export interface Query {
  q: string;
  expect: string;
  top: 1 | 3;
}

export const queries: Record<string, Query[]> = {
  ko: [
    { q: '교통카드를', expect: 'transit-card', top: 3 },
    { q: '교통카드', expect: 'transit-card', top: 1 },
    { q: '버스는', expect: 'bus-reform', top: 3 },
    { q: '상수도의', expect: 'water-supply', top: 3 },
    { q: '누수', expect: 'water-supply', top: 1 },
    { q: '지하철', expect: 'subway', top: 3 },
    { q: '스크린도어를', expect: 'subway', top: 1 },
    { q: '매립지', expect: 'nanjido', top: 1 },
    { q: '주민참여예산', expect: 'governance', top: 1 },
    { q: '콜센터에', expect: 'e-government', top: 1 },
    { q: '디지털미디어시티', expect: 'dmc', top: 1 },
    { q: '중앙버스전용차로는', expect: 'bus-reform', top: 1 },
    { q: '아리수', expect: 'water-supply', top: 1 },
    // Particles that may never follow the word in the text: only normalisation finds these.
    { q: '교통카드가', expect: 'transit-card', top: 3 },
    { q: '누수는', expect: 'water-supply', top: 1 },
    { q: '매립지를', expect: 'nanjido', top: 1 },
    { q: '콜센터가', expect: 'e-government', top: 1 },
    { q: '준공영제는', expect: 'bus-reform', top: 1 },
    { q: '시민청에서', expect: 'governance', top: 1 },
  ],
  en: [
    { q: 'water leak', expect: 'water-supply', top: 1 },
    { q: 'metro', expect: 'subway', top: 3 },
    { q: 'smart card', expect: 'transit-card', top: 1 },
    { q: 'landfill', expect: 'nanjido', top: 1 },
    { q: 'open data', expect: 'e-government', top: 3 },
    { q: 'bus lanes', expect: 'bus-reform', top: 1 },
    { q: 'screen doors', expect: 'subway', top: 1 },
    { q: 'participatory budgeting', expect: 'governance', top: 1 },
    { q: 'call center', expect: 'e-government', top: 1 },
    { q: 'media city', expect: 'dmc', top: 1 },
    { q: 'fare', expect: 'transit-card', top: 3 },
    { q: 'tap water', expect: 'water-supply', top: 1 },
  ],
  es: [
    { q: 'tarjeta de transporte', expect: 'transit-card', top: 3 },
    { q: 'fugas de agua', expect: 'water-supply', top: 1 },
    { q: 'vertedero', expect: 'nanjido', top: 1 },
    { q: 'metro', expect: 'subway', top: 3 },
    { q: 'presupuesto participativo', expect: 'governance', top: 1 },
  ],
  fr: [
    { q: "fuite d'eau", expect: 'water-supply', top: 3 },
    { q: 'décharge', expect: 'nanjido', top: 1 },
    { q: 'carte de transport', expect: 'transit-card', top: 3 },
    { q: 'métro', expect: 'subway', top: 3 },
    { q: 'budget participatif', expect: 'governance', top: 1 },
  ],
  ar: [
    { q: 'المياه', expect: 'water-supply', top: 1 },
    { q: 'مترو', expect: 'subway', top: 3 },
    { q: 'الحافلات', expect: 'bus-reform', top: 3 },
    { q: 'مكب', expect: 'nanjido', top: 1 },
    { q: 'الميزانية التشاركية', expect: 'governance', top: 3 },
  ],
  zh: [
    { q: '漏水', expect: 'water-supply', top: 1 },
    { q: '地铁', expect: 'subway', top: 3 },
    { q: '交通卡', expect: 'transit-card', top: 3 },
    { q: '垃圾填埋场', expect: 'nanjido', top: 1 },
    { q: '参与式预算', expect: 'governance', top: 1 },
  ],
  vi: [
    { q: 'rò rỉ nước', expect: 'water-supply', top: 3 },
    { q: 'tàu điện ngầm', expect: 'subway', top: 3 },
    { q: 'thẻ giao thông', expect: 'transit-card', top: 3 },
    { q: 'bãi rác', expect: 'nanjido', top: 1 },
    { q: 'ngân sách có sự tham gia', expect: 'governance', top: 3 },
  ],
  id: [
    { q: 'kebocoran air', expect: 'water-supply', top: 1 },
    { q: 'kereta bawah tanah', expect: 'subway', top: 3 },
    { q: 'kartu transportasi', expect: 'transit-card', top: 3 },
    { q: 'tempat pembuangan sampah', expect: 'nanjido', top: 3 },
    { q: 'anggaran partisipatif', expect: 'governance', top: 1 },
  ],
};
