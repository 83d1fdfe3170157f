// ECharts options for the dashboard's charts. A hidden cell (fewer than k cases) is drawn as no
// bar, with "< k" where its bar would start and a grey hatch where it has an area (heat map, map),
// so that it never reads as 0 nor as any other number.
import { countText, countWords, isSuppressed } from './cells.js';

const BLUE = '#2f6f9f';
const HIDDEN = '#c9ccd1';
export const HATCH = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4, color: 'rgba(60, 60, 60, 0.35)' };
const TEXT = { fontFamily: 'inherit', color: '#333' };

/** One bar per category; horizontal when the categories have long names. */
export function bars({ categories, minimumCell, horizontal = false, color = BLUE }) {
  const data = categories.map((category) => barItem(category, minimumCell, color, horizontal));
  const categoryAxis = {
    type: 'category',
    data: categories.map((category) => category.label),
    inverse: horizontal,
    axisLabel: { ...TEXT, interval: 0, width: horizontal ? 170 : 70, overflow: 'break', rotate: !horizontal && categories.length > 8 ? 40 : 0 },
    axisTick: { alignWithLabel: true }
  };
  const valueAxis = { type: 'value', minInterval: 1, axisLabel: TEXT };
  return {
    textStyle: TEXT,
    grid: { left: horizontal ? 180 : 40, right: 40, top: 20, bottom: horizontal ? 30 : 60, containLabel: !horizontal },
    tooltip: { trigger: 'item', formatter: (item) => `${escaped(item.name)}: ${words(item.data, minimumCell)}` },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [{ type: 'bar', data, barMaxWidth: 36 }]
  };
}

/** Bars per row (an institution) and one series per column (a stage of the referral). */
export function groupedBars({ rows, columns, minimumCell }) {
  return {
    textStyle: TEXT,
    color: columns.map((column) => column.color),
    legend: { top: 0, textStyle: TEXT },
    grid: { left: 180, right: 40, top: 50, bottom: 30 },
    tooltip: { trigger: 'item', formatter: (item) => `${escaped(item.name)} · ${escaped(item.seriesName)}: ${words(item.data, minimumCell)}` },
    xAxis: { type: 'value', minInterval: 1, axisLabel: TEXT },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label), axisLabel: { ...TEXT, width: 170, overflow: 'break' } },
    series: columns.map((column, index) => ({
      type: 'bar',
      name: column.header,
      barMaxWidth: 14,
      data: rows.map((row) => barItem(row.cells[index], minimumCell, column.color, true))
    }))
  };
}

/** A grid of counts: age groups by sex. */
export function heatMap({ rows, columns, cells, minimumCell }) {
  const shown = [];
  const hidden = [];
  rows.forEach((row, y) => columns.forEach((column, x) => {
    const cell = cells(row.code, column.code);
    if (!cell) {
      return;
    }
    // a hidden cell needs a number to be drawn at all: its own series, outside the colour scale, draws it grey
    (isSuppressed(cell.count, cell) ? hidden : shown).push({ value: [x, y, isSuppressed(cell.count, cell) ? 0 : cell.count], cell });
  }));
  const max = Math.max(1, ...shown.map((item) => item.value[2]));
  const label = { show: true, ...TEXT, formatter: (item) => countText(item.data.cell.count, minimumCell, item.data.cell) };
  return {
    textStyle: TEXT,
    grid: { left: 120, right: 20, top: 10, bottom: 60 },
    tooltip: { formatter: (item) => `${escaped(rows[item.data.value[1]].label)} · ${escaped(columns[item.data.value[0]].label)}: ${words(item.data.cell, minimumCell)}` },
    xAxis: { type: 'category', data: columns.map((column) => column.label), axisLabel: TEXT, splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label), axisLabel: TEXT, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, show: false, seriesIndex: 0, inRange: { color: ['#e3eef7', BLUE] } },
    series: [
      { type: 'heatmap', data: shown, label: { ...label, color: undefined, formatter: (item) => `{${item.data.value[2] > max / 2 ? 'dark' : 'light'}|${label.formatter(item)}}`,
        rich: { dark: { color: '#fff', fontWeight: 600 }, light: { color: '#222', fontWeight: 600 } } } },
      { type: 'heatmap', data: hidden, itemStyle: { color: HIDDEN, decal: HATCH },
        label: { ...label, color: '#222', fontStyle: 'italic', backgroundColor: 'rgba(255, 255, 255, 0.85)', padding: [1, 4], borderRadius: 2 } }
    ]
  };
}

/** A choropleth of one jurisdiction's first-level regions. */
export function regionMap({ mapName, regions, minimumCell, regionName }) {
  const shown = regions.filter((region) => !isSuppressed(region.count, region));
  const max = Math.max(1, ...shown.map((region) => region.count));
  return {
    textStyle: TEXT,
    tooltip: {
      trigger: 'item',
      formatter: (item) => `${escaped(regionName(item.name))}: ${item.data ? words(item.data, minimumCell) : 'sin casos registrados'}`
    },
    visualMap: {
      show: shown.length > 0, min: 0, max, left: 10, bottom: 10, calculable: false, itemHeight: 100, text: [`${max}`, '0'], textStyle: TEXT,
      inRange: { color: ['#e3eef7', '#7fb0d6', BLUE, '#173b57'] }, seriesIndex: 0
    },
    series: [{
      type: 'map',
      map: mapName,
      nameProperty: 'code',
      roam: false,
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      selectedMode: false,
      itemStyle: { areaColor: '#f4f5f7', borderColor: '#888', borderWidth: 0.6 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#f2c14e' } },
      // labelled are the regions with figures only: an empty label would still draw its box
      label: {
        show: false, fontSize: 10, color: '#222', backgroundColor: 'rgba(255, 255, 255, 0.85)', padding: [1, 3], borderRadius: 2,
        formatter: (item) => (item.data ? `${regionName(item.name)}\n${countText(item.data.count, minimumCell, item.data)}` : '')
      },
      data: regions.map((region) => (isSuppressed(region.count, region)
        ? { name: region.code, value: '-', count: null, suppressed: true, itemStyle: { areaColor: HIDDEN, decal: HATCH }, label: { show: true } }
        : { name: region.code, value: region.count, count: region.count, label: { show: region.count > 0 } }))
    }]
  };
}

function barItem(cell, minimumCell, color, horizontal) {
  if (isSuppressed(cell?.count, cell)) {
    // no bar: its label stands where the bar would start
    return { value: 0, count: null, suppressed: true,
      label: { show: true, position: horizontal ? 'right' : 'top', color: '#555', fontStyle: 'italic', formatter: `< ${minimumCell}` } };
  }
  // a zero needs no label: the empty place says it
  return { value: cell.count, count: cell.count, itemStyle: { color },
    label: { show: cell.count > 0, position: horizontal ? 'right' : 'top', ...TEXT } };
}

// ECharts writes tooltips as HTML: the labels come from the server, and stay text
function escaped(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function words(data, minimumCell) {
  return countWords(data?.count, minimumCell, data);
}
