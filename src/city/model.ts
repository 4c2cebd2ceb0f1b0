// The shapes a loaded city has in memory. Everything is WGS84; adcodes are GB/T 2260 integers.

// Geometry arrays stay mutable in type so they can be handed to GeoJSON libraries (turf) as is;
// nothing in parcelgrid writes to them.

/** A WGS84 position as [longitude, latitude], the GeoJSON order. */
export type Position = number[];

export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: Position[][];
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: Position[][][];
}

export type DistrictGeometry = PolygonGeometry | MultiPolygonGeometry;

/** [minLng, minLat, maxLng, maxLat]. */
export type Bbox = readonly [number, number, number, number];

export interface LngLat {
  readonly lng: number;
  readonly lat: number;
}

/** One part of a (multi)polygon with its bounding box and approximate area, for sampling. */
export interface PolygonPart {
  readonly geometry: PolygonGeometry;
  readonly bbox: Bbox;
  readonly areaKm2: number;
}

export interface District {
  readonly adcode: number;
  readonly nameZh: string;
  readonly nameEn: string;
  /** district, county or county-level city, as the census tabulates it. */
  readonly type: string;
  readonly population2020: number;
  readonly landAreaKm2: number;
  /** Share of residents living in urban areas, 0–1 (2020 census). */
  readonly urbanisationRate: number;
  /** Approximate government seat and the spread (metres, one standard deviation) of its built-up area. */
  readonly seat: LngLat & { readonly spreadM: number };
  readonly boundary: DistrictGeometry;
  readonly bbox: Bbox;
  /** The boundary split into its outer parts (islands included), each with bbox and area. */
  readonly parts: readonly PolygonPart[];
}

export interface MetroStation {
  readonly stationId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly mode: 'metro' | 'tram';
  readonly lines: readonly string[];
  readonly isTransfer: boolean;
  /** low = the source had 3–4 decimals, about ±100 m. */
  readonly coordPrecision: 'high' | 'low';
  readonly location: LngLat;
  /** The district the station lies in, or null when it falls outside every boundary. */
  readonly districtAdcode: number | null;
}

export interface MetroExit {
  readonly stationId: string;
  readonly exit: string;
  readonly descriptionZh: string;
  readonly landmarksZh: string;
  readonly closed: boolean;
  readonly location: LngLat;
  readonly districtAdcode: number | null;
}

export interface ExpressPark {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly adcode: number;
  readonly location: LngLat;
  /** True when the site was placed by hand rather than surveyed. */
  readonly approximate: boolean;
  readonly siteNote: string;
}

/** Districts a carrier would feed from one hub, and where that hub stands. */
export interface SortingRegion {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly districts: readonly number[];
  readonly site: LngLat;
  readonly parkId: string | null;
}

export interface City {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly provinceZh: string;
  readonly provinceEn: string;
  readonly adcode: number;
  /** IANA time zone for local rules (order curve, pass hours). */
  readonly timezone: string;
  readonly bbox: Bbox;
  readonly centre: LngLat;
  readonly annualParcelTarget: number;
  readonly dailyParcelTarget: number;
  readonly districts: readonly District[];
  readonly metroStations: readonly MetroStation[];
  readonly metroExits: readonly MetroExit[];
  readonly parks: readonly ExpressPark[];
  readonly sortingRegions: readonly SortingRegion[];
}
