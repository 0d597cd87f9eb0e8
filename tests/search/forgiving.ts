/**
 * Queries as officials really type them — misspelled, spaced differently, everyday words, Korean
 * terms on another locale's site — and the case that must come back in the first three results.
 */
export interface ForgivingQuery {
  q: string;
  expect: 'subway' | 'e-government' | 'water-supply' | 'transit-card' | 'nanjido' | 'dmc' | 'bus-reform' | 'governance';
  kind: 'typo' | 'spacing' | 'everyday' | 'korean';
}

export const forgivingQueries: Record<'ko' | 'en' | 'es' | 'fr' | 'ar' | 'zh' | 'vi' | 'id', ForgivingQuery[]> = {
  ko: [
    { q: '디지털미디어씨티', expect: 'dmc', kind: 'typo' },
    { q: '다산콜센타', expect: 'e-government', kind: 'typo' },
    { q: '주민참여애산', expect: 'governance', kind: 'typo' },
    { q: '스크린 도어', expect: 'subway', kind: 'spacing' },
    { q: '민주주의서울', expect: 'governance', kind: 'spacing' },
    { q: '콜 센터', expect: 'e-government', kind: 'spacing' },
    { q: '쓰레기장', expect: 'nanjido', kind: 'everyday' },
    { q: '수도물', expect: 'water-supply', kind: 'everyday' },
    { q: 'BRT', expect: 'bus-reform', kind: 'everyday' },
    { q: '전철', expect: 'subway', kind: 'everyday' },
  ],
  en: [
    { q: 'Arrisu', expect: 'water-supply', kind: 'typo' },
    { q: 'Nanjdo', expect: 'nanjido', kind: 'typo' },
    { q: 'partcipatory', expect: 'governance', kind: 'typo' },
    { q: 'T-mony', expect: 'transit-card', kind: 'typo' },
    { q: 'garbage', expect: 'nanjido', kind: 'everyday' },
    { q: 'tube', expect: 'subway', kind: 'everyday' },
    { q: 'BRT', expect: 'bus-reform', kind: 'everyday' },
    { q: 'NRW', expect: 'water-supply', kind: 'everyday' },
    { q: '아리수', expect: 'water-supply', kind: 'korean' },
    { q: '난지도', expect: 'nanjido', kind: 'korean' },
    { q: '스크린도어', expect: 'subway', kind: 'korean' },
  ],
  es: [
    { q: 'vertedro', expect: 'nanjido', kind: 'typo' },
    { q: 'participatvo', expect: 'governance', kind: 'typo' },
    { q: 'Dassan', expect: 'e-government', kind: 'typo' },
    { q: 'basurero', expect: 'nanjido', kind: 'everyday' },
    { q: 'BRT', expect: 'bus-reform', kind: 'everyday' },
    { q: 'grifo', expect: 'water-supply', kind: 'everyday' },
    { q: 'mamparas', expect: 'subway', kind: 'everyday' },
    { q: '아리수', expect: 'water-supply', kind: 'korean' },
    { q: '티머니', expect: 'transit-card', kind: 'korean' },
    { q: '주민참여예산', expect: 'governance', kind: 'korean' },
  ],
  fr: [
    { q: 'Arisou', expect: 'water-supply', kind: 'typo' },
    { q: 'participatf', expect: 'governance', kind: 'typo' },
    { q: 'lixivats', expect: 'nanjido', kind: 'typo' },
    { q: 'ordures', expect: 'nanjido', kind: 'everyday' },
    { q: 'BHNS', expect: 'bus-reform', kind: 'everyday' },
    { q: 'billettique', expect: 'transit-card', kind: 'everyday' },
    { q: '스크린도어', expect: 'subway', kind: 'korean' },
    { q: '다산콜센터', expect: 'e-government', kind: 'korean' },
    { q: '디지털미디어시티', expect: 'dmc', kind: 'korean' },
  ],
  ar: [
    { q: 'نانجدو', expect: 'nanjido', kind: 'typo' },
    { q: 'الزجاجبة', expect: 'subway', kind: 'typo' },
    { q: 'التشاركبة', expect: 'governance', kind: 'typo' },
    { q: 'قمامة', expect: 'nanjido', kind: 'everyday' },
    { q: 'باص', expect: 'bus-reform', kind: 'everyday' },
    { q: 'حنفية', expect: 'water-supply', kind: 'everyday' },
    { q: '아리수', expect: 'water-supply', kind: 'korean' },
    { q: '티머니', expect: 'transit-card', kind: 'korean' },
    { q: '중앙버스전용차로', expect: 'bus-reform', kind: 'korean' },
  ],
  zh: [
    { q: 'Arrisu', expect: 'water-supply', kind: 'typo' },
    { q: 'mVotting', expect: 'e-government', kind: 'typo' },
    { q: '捷运', expect: 'subway', kind: 'everyday' },
    { q: '产销差', expect: 'water-supply', kind: 'everyday' },
    { q: '一卡通', expect: 'transit-card', kind: 'everyday' },
    { q: '난지도', expect: 'nanjido', kind: 'korean' },
    { q: '디지털미디어시티', expect: 'dmc', kind: 'korean' },
  ],
  vi: [
    { q: 'Nanjdo', expect: 'nanjido', kind: 'typo' },
    { q: 'Dasna', expect: 'e-government', kind: 'typo' },
    { q: 'T-monney', expect: 'transit-card', kind: 'typo' },
    { q: 'metan', expect: 'nanjido', kind: 'everyday' },
    { q: 'BRT', expect: 'bus-reform', kind: 'everyday' },
    { q: 'hotline', expect: 'e-government', kind: 'everyday' },
    { q: '지하철', expect: 'subway', kind: 'korean' },
    { q: '주민참여예산', expect: 'governance', kind: 'korean' },
  ],
  id: [
    { q: 'kebocran', expect: 'water-supply', kind: 'typo' },
    { q: 'partisipatf', expect: 'governance', kind: 'typo' },
    { q: 'Nanjdo', expect: 'nanjido', kind: 'typo' },
    { q: 'busway', expect: 'bus-reform', kind: 'everyday' },
    { q: 'PDAM', expect: 'water-supply', kind: 'everyday' },
    { q: 'musrenbang', expect: 'governance', kind: 'everyday' },
    { q: '티머니', expect: 'transit-card', kind: 'korean' },
    { q: '난지도', expect: 'nanjido', kind: 'korean' },
  ],
};
