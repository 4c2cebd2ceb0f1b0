// Today's volume charts (ECharts, a lazy chunk): parcels by local creation hour stacked by
// current status, and the status split. Only the chart types used are bundled.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { Overview } from '../api/types.ts';
import { STATUSES } from '../i18n/dictionary.ts';
import { useLocale, type LocaleTools } from '../i18n/locale.tsx';
import { markOnce } from '../load-marks.ts';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
markOnce('pg:charts-chunk');

/**
 * No entry animations: they redraw the canvas every frame for a second, competing with the map
 * for the first load, and the figures change every few seconds anyway.
 */
const STILL = { animation: false } as const;

const STATUS_COLOURS: Readonly<Record<string, string>> = {
  created: '#b0bec5', collected: '#90caf9', in_transit: '#42a5f5', out_for_delivery: '#1e88e5', available_for_pickup: '#7e57c2',
  delivered: '#43a047', attempt_failed: '#ffb300', exception: '#e53935', returning: '#8d6e63', returned: '#5d4037', cancelled: '#757575',
};

function hourOptions(overview: Overview, tools: LocaleTools): echarts.EChartsCoreOption {
  const present = STATUSES.filter((status) => overview.hours.some((hour) => (hour.by_status[status] ?? 0) > 0));
  return {
    ...STILL,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => tools.number(Number(value)) },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: overview.hours.map((hour) => `${String(hour.hour).padStart(2, '0')}:00`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: present.map((status) => ({
      name: tools.status(status),
      type: 'bar',
      stack: 'parcels',
      itemStyle: { color: STATUS_COLOURS[status] },
      data: overview.hours.map((hour) => hour.by_status[status] ?? 0),
    })),
  };
}

function statusOptions(overview: Overview, tools: LocaleTools): echarts.EChartsCoreOption {
  return {
    ...STILL,
    tooltip: { trigger: 'item', valueFormatter: (value: unknown) => tools.number(Number(value)) },
    series: [{
      type: 'pie',
      radius: ['40%', '70%'],
      data: overview.by_status.map((row) => ({ name: tools.status(row.status), value: row.parcels, itemStyle: { color: STATUS_COLOURS[row.status] } })),
    }],
  };
}

/** One ECharts instance bound to a div, resized with the window. */
function Chart({ options, label }: { options: echarts.EChartsCoreOption; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => markOnce('pg:charts-drawn'));
    const resize = () => instance.resize();
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(options, { notMerge: true });
  }, [options]);
  return <div ref={element} className="chart" role="img" aria-label={label} />;
}

/** The two charts of the overview. */
export default function VolumeCharts({ overview }: { overview: Overview }) {
  const tools = useLocale();
  // Options change only with new figures or another language; the same options draw nothing new.
  const byHour = useMemo(() => hourOptions(overview, tools), [overview, tools]);
  const byStatus = useMemo(() => statusOptions(overview, tools), [overview, tools]);
  return (
    <div className="chart-row">
      <div className="chart-box wide">
        <h2>{tools.t('overview.byHour')}</h2>
        <Chart options={byHour} label={tools.t('overview.byHour')} />
      </div>
      <div className="chart-box">
        <h2>{tools.t('overview.byStatus')}</h2>
        <Chart options={byStatus} label={tools.t('overview.byStatus')} />
      </div>
    </div>
  );
}
