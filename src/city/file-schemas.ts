// The shapes of the files in a city folder (cities/<name>/), checked when a city is loaded so a
// mistake in a new city's data is reported with the file and field, not as a crash later.
import { Type, type Static } from 'typebox';

const Longitude = Type.Number({ minimum: -180, maximum: 180 });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Adcode = Type.Integer({ minimum: 100000, maximum: 999999 });
const LngLat = Type.Object({ lng: Longitude, lat: Latitude });
const Text = Type.String({ minLength: 1 });
const Position = Type.Array(Type.Number(), { minItems: 2 });
const Ring = Type.Array(Position, { minItems: 4 });

export const CityFile = Type.Object({
  id: Text,
  nameZh: Text,
  nameEn: Text,
  provinceZh: Text,
  provinceEn: Text,
  adcode: Adcode,
  timezone: Text,
  bbox: Type.Tuple([Longitude, Latitude, Longitude, Latitude]),
  centre: LngLat,
  annualParcelTarget: Type.Integer({ minimum: 0 }),
  dailyParcelTarget: Type.Integer({ minimum: 0 }),
});

export const DistrictsFile = Type.Object({
  districts: Type.Array(
    Type.Object({
      adcode: Adcode,
      nameZh: Text,
      nameEn: Text,
      type: Text,
      population2020: Type.Integer({ minimum: 0 }),
      landAreaKm2: Type.Number({ minimum: 0 }),
      urbanisationRate: Type.Number({ minimum: 0, maximum: 1 }),
      seat: Type.Object({ lng: Longitude, lat: Latitude, spreadM: Type.Number({ exclusiveMinimum: 0 }) }),
    }),
    { minItems: 1 },
  ),
});

export const BoundariesFile = Type.Object({
  features: Type.Array(
    Type.Object({
      properties: Type.Object({ adcode: Adcode }),
      geometry: Type.Union([
        Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1 }) }),
        Type.Object({
          type: Type.Literal('MultiPolygon'),
          coordinates: Type.Array(Type.Array(Ring, { minItems: 1 }), { minItems: 1 }),
        }),
      ]),
    }),
  ),
});

const PointGeometry = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Tuple([Longitude, Latitude]),
});

export const StationsFile = Type.Object({
  features: Type.Array(
    Type.Object({
      properties: Type.Object({
        stationId: Text,
        nameZh: Text,
        nameEn: Type.String(),
        mode: Type.Union([Type.Literal('metro'), Type.Literal('tram')]),
        lines: Type.Array(Text),
        isTransfer: Type.Boolean(),
        coordPrecision: Type.Union([Type.Literal('high'), Type.Literal('low')]),
      }),
      geometry: PointGeometry,
    }),
  ),
});

export const ExitsFile = Type.Object({
  features: Type.Array(
    Type.Object({
      properties: Type.Object({
        stationId: Text,
        exit: Text,
        descriptionZh: Type.String(),
        landmarksZh: Type.String(),
        closed: Type.Boolean(),
      }),
      geometry: PointGeometry,
    }),
  ),
});

export const ParksFile = Type.Object({
  parks: Type.Array(
    Type.Object({
      id: Text,
      nameZh: Text,
      nameEn: Text,
      adcode: Adcode,
      lng: Longitude,
      lat: Latitude,
      approximate: Type.Boolean(),
      siteNote: Type.String(),
    }),
  ),
});

export const NetworkFile = Type.Object({
  sortingRegions: Type.Array(
    Type.Object({
      id: Text,
      nameZh: Text,
      nameEn: Text,
      districts: Type.Array(Adcode, { minItems: 1 }),
      parkId: Type.Optional(Text),
      site: Type.Optional(LngLat),
    }),
  ),
});

export type CityFile = Static<typeof CityFile>;
export type DistrictsFile = Static<typeof DistrictsFile>;
export type BoundariesFile = Static<typeof BoundariesFile>;
export type StationsFile = Static<typeof StationsFile>;
export type ExitsFile = Static<typeof ExitsFile>;
export type ParksFile = Static<typeof ParksFile>;
export type NetworkFile = Static<typeof NetworkFile>;
