import type { TargetKind } from '../../src/domain/plan-targets';
import type { Activity, Flow, LiveStatus } from '../../src/domain/statistics-measures';
import type { Granularity } from '../../src/domain/statistics-periods';

/** The statistics page, its charts and the report to the level above (CSV and XLSX). */
export type StatisticsWords = {
  title: string;
  reportTitle: string;
  national: string;
  province: (name: string) => string;
  scopeLine: (scope: string) => string;
  rangeLine: (granularity: string, from: string, to: string) => string;
  madeLine: (when: string) => string;
  granularities: Record<Granularity, string>;
  liveStates: Record<LiveStatus, string>;
  flows: Record<Flow, string>;
  activities: Record<Activity, string>;
  filters: {
    legend: string;
    granularity: string;
    from: string;
    to: string;
    province: string;
    allProvinces: string;
    submit: string;
    download: string;
    csv: string;
    xlsx: string;
  };
  figures: {
    heading: string;
    products: string;
    productsInForce: string;
    certificates: string;
    communesWithProduct: string;
    cooperatives: (cooperatives: number, subjects: number) => string;
    cooperativeProducts: (products: number, all: number) => string;
    subjectsInForce: string;
    cooperativesCount: string;
    cooperativeProductsCount: string;
  };
  charts: {
    productsByStatus: string;
    productsByStars: string;
    productsByGroup: string;
    productsByProvince: string;
    productsByCommune: string;
    certificatesByStatus: string;
    flows: string;
    activity: string;
    /** The chart's description for a screen reader: what it counts and the total. */
    describe: (title: string, total: number) => string;
    stars: (n: number) => string;
    group: (code: string, name: string | undefined) => string;
    unknownCommune: string;
    showTable: string;
  };
  columns: {
    what: string;
    count: string;
    period: string;
    from: string;
    to: string;
    province: string;
    commune: string;
    products: string;
    inForce: string;
    target: string;
    goal: string;
    achieved: string;
    progress: string;
    window: string;
    total: string;
    provinceName: string;
    kind: string;
    status: string;
  };
  sheets: { summary: string; periods: string; provinces: string; communes: string; targets: string };
  targets: {
    heading: string;
    none: string;
    kinds: Record<TargetKind, string>;
    /** The target as the plan states it. */
    goal: (kind: TargetKind, value: number, units: number | null) => string;
    window: (sinceYear: number, year: number) => string;
    progress: (achieved: number, goal: number) => string;
    met: string;
    notMet: string;
    notMeasured: string;
    form: {
      heading: string;
      kind: string;
      value: string;
      valueHint: string;
      units: string;
      unitsHint: string;
      sinceYear: string;
      year: string;
      note: string;
      province: string;
      national: string;
      submit: string;
      saved: string;
    };
  };
};
