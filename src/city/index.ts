// Public face of src/city: city data, the seeded demand generator and the demo parties.
export { loadCity, CITIES_ROOT, type LoadCityOptions } from './load-city.ts';
export { districtAt, districtByAdcode } from './district-at.ts';
export { createDemandModel, type DemandModel, type DemandOrder, type Recipient } from './demand-model.ts';
export { composeAddress, type RecipientAddress } from './fictional-identity.ts';
export { createLocalClock, ordersByHour, ORDER_HOUR_WEIGHTS, type LocalClock } from './order-curve.ts';
export {
  sampleParcel,
  GOODS_CATEGORIES,
  SIZE_CLASS_BOX_MM,
  MAX_WEIGHT_G,
  type GoodsCategory,
  type ParcelProfile,
  type SizeClass,
} from './parcel-profile.ts';
export { createPointSampler, type PointSampler, type RecipientPoint, type SettlementKind } from './recipient-points.ts';
export {
  DEMO_CARRIERS,
  DEMO_PLATFORMS,
  demoRegulator,
  type DemoCarrier,
  type DemoPlatform,
  type DemoRegulator,
  type TrackingCodeSet,
  type CoverageRule,
} from './demo-parties.ts';
export { buildDemoNetwork, carriersServing, type CarrierNetwork, type DemoFacility, type FacilityKind } from './demo-network.ts';
export { buildPlatformWarehouses, type DemoWarehouse } from './demo-warehouses.ts';
export type {
  City,
  District,
  LngLat,
  MetroStation,
  MetroExit,
  ExpressPark,
  SortingRegion,
  Bbox,
  DistrictGeometry,
} from './model.ts';
