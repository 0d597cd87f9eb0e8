import { useTranslations } from '../i18n/index.ts';
import type { Chart, Figure } from '../schemas/case-data.ts';
import { label } from './content.ts';
import { formatFigure, formatValue, formatYear } from './format.ts';
import type { MdxContext } from './mdx-context.ts';

/** What `BarChart` needs for a chart of a case or page: bars, titles and a caption with sources. */
export function chartProps(ctx: Pick<MdxContext, 'lang' | 'folder' | 'figures' | 'charts' | 'chain'>, id: string) {
  const chart: Chart | undefined = ctx.charts.find((c) => c.id === id);
  if (!chart) throw new Error(`${ctx.folder}: no chart "${id}". Charts: ${ctx.charts.map((c) => c.id).join(', ')}`);
  const figures = chart.figures.map((fid) => ctx.figures.find((f) => f.id === fid)).filter((f): f is Figure => f !== undefined);
  const t = useTranslations(ctx.lang);
  const first = figures[0];
  const title = label(ctx.chain, 'charts', id) ?? id;
  const sources = [...new Set(figures.map((f) => f.source))].join(', ');
  return {
    id: `chart-${id}`,
    title,
    points: figures.map((f) => ({ label: formatYear(f.year), value: f.value, display: formatFigure({ ...f, from: undefined }, ctx.lang) })),
    xAxis: t('chart.year'),
    yAxis: t('chart.value'),
    formatTick: (v: number) => (first ? formatValue(v, first.unit, ctx.lang, { compact: first.compact || v >= 1e5 }) : String(v)),
    caption: `${t('case.source')}: ${sources}`,
  };
}
