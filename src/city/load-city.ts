// Loads a city folder (cities/<name>/) into typed, cross-checked data. A new city is a new folder
// with the same files; nothing here knows about Dalian.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  BoundariesFile,
  CityFile,
  DistrictsFile,
  ExitsFile,
  NetworkFile,
  ParksFile,
  StationsFile,
} from './file-schemas.ts';
import { readCityFile } from './read-city-file.ts';
import { bboxOfRings, polygonParts } from './geometry.ts';
import { districtAt, districtByAdcode } from './district-at.ts';
import type { City, District, ExpressPark, SortingRegion } from './model.ts';

/** The folder holding one sub-folder per city, shipped with parcelgrid. */
export const CITIES_ROOT = fileURLToPath(new URL('../../cities/', import.meta.url));

export interface LoadCityOptions {
  /** Folder holding the city folders; defaults to the project's cities/. */
  readonly root?: string;
}

/** Load cities/<name>/ (city.json, districts.json, boundaries/, metro/, parks.json, network.json). */
export function loadCity(name = 'dalian', options: LoadCityOptions = {}): City {
  const root = options.root ?? CITIES_ROOT;
  const folder = cityFolder(root, name);
  const info = readCityFile(folder, 'city.json', CityFile);
  const districts = joinDistricts(
    readCityFile(folder, 'districts.json', DistrictsFile),
    readCityFile(folder, 'boundaries/districts.geojson', BoundariesFile),
    folder,
  );
  const located = { districts };
  const parks = readParks(folder, located);
  return {
    ...info,
    districts,
    metroStations: locatePoints(readCityFile(folder, 'metro/stations.geojson', StationsFile).features, located),
    metroExits: locatePoints(readCityFile(folder, 'metro/exits.geojson', ExitsFile).features, located),
    parks,
    sortingRegions: readSortingRegions(folder, located, parks),
  };
}

function cityFolder(root: string, name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new Error(`city name "${name}" must be lower-case letters, digits and hyphens, like "dalian"`);
  }
  const folder = join(root, name);
  if (!existsSync(join(folder, 'city.json'))) {
    const available = existsSync(root) ? readdirSync(root).join(', ') : 'none';
    throw new Error(`no city "${name}" in ${root} (available: ${available})`);
  }
  return folder;
}

// Census rows and boundary features are separate files; every district must have both.
function joinDistricts(census: DistrictsFile, boundaries: BoundariesFile, folder: string): District[] {
  const byAdcode = new Map(boundaries.features.map((feature) => [feature.properties.adcode, feature.geometry]));
  const districts = census.districts.map((row) => {
    const boundary = byAdcode.get(row.adcode);
    if (boundary === undefined) {
      throw new Error(`${folder}: district ${row.adcode} (${row.nameZh}) has no boundary in boundaries/districts.geojson`);
    }
    const parts = polygonParts(boundary);
    const rings = parts.map((part) => part.geometry.coordinates[0] ?? []);
    return { ...row, boundary, bbox: bboxOfRings(rings), parts };
  });
  if (districts.length !== byAdcode.size) {
    const extra = [...byAdcode.keys()].filter((adcode) => !census.districts.some((row) => row.adcode === adcode));
    throw new Error(`${folder}: boundaries without a districts.json row: ${extra.join(', ')}`);
  }
  return districts;
}

// GeoJSON point features become their properties plus a location and the district they fall in.
function locatePoints<P extends object>(
  features: readonly { properties: P; geometry: { coordinates: [number, number] } }[],
  located: { districts: readonly District[] },
): (P & { location: { lng: number; lat: number }; districtAdcode: number | null })[] {
  return features.map(({ properties, geometry: { coordinates: [lng, lat] } }) => ({
    ...properties,
    location: { lng, lat },
    districtAdcode: districtAt(located, lng, lat)?.adcode ?? null,
  }));
}

function readParks(folder: string, located: { districts: readonly District[] }): ExpressPark[] {
  return readCityFile(folder, 'parks.json', ParksFile).parks.map(({ lng, lat, ...park }) => {
    const found = districtAt(located, lng, lat)?.adcode;
    if (found !== park.adcode) {
      throw new Error(`${folder}/parks.json: park ${park.id} at ${lng},${lat} lies in ${found ?? 'no district'}, not ${park.adcode}`);
    }
    return { ...park, location: { lng, lat } };
  });
}

function readSortingRegions(
  folder: string,
  located: { districts: readonly District[] },
  parks: readonly ExpressPark[],
): SortingRegion[] {
  return readCityFile(folder, 'network.json', NetworkFile).sortingRegions.map(({ parkId, site, ...region }) => {
    region.districts.forEach((adcode) => districtByAdcode(located, adcode));
    const park = parks.find((candidate) => candidate.id === parkId);
    const location = park?.location ?? site;
    if (location === undefined) {
      throw new Error(`${folder}/network.json: sorting region ${region.id} needs a known parkId or a site`);
    }
    if (districtAt(located, location.lng, location.lat) === undefined) {
      throw new Error(`${folder}/network.json: sorting region ${region.id} site lies outside every district`);
    }
    return { ...region, site: location, parkId: park?.id ?? null };
  });
}
