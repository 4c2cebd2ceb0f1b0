// The optional raster base-map URL ({z}/{x}/{y} template), set on the settings page and kept
// in this browser only; without it the map draws only the local GeoJSON layers.
const STORAGE_KEY = 'parcelgrid.tileUrl';

/** The saved tile URL template, or null. */
export function readTileUrl(): string | null {
  return localStorage.getItem(STORAGE_KEY) || null;
}

/** Saves (or, when empty, clears) the tile URL template. */
export function saveTileUrl(url: string): void {
  if (url.trim()) localStorage.setItem(STORAGE_KEY, url.trim());
  else localStorage.removeItem(STORAGE_KEY);
}
