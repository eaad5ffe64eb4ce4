/**
 * Pair lists of the twin-cities file's shape (city1,country1,lat1,lng1,city2,country2,lat2,lng2),
 * generated (tests never read the real file): deterministic, distinct pairs among `places` places.
 * Used by the import load test and by bench/importSize.ts (the 447,669-row, 19.9 MB case).
 */

const COUNTRIES = [
  'Belgium',
  'France',
  'Germany',
  'Italy',
  'Spain',
  'Poland',
  'Japan',
  'China',
  'Brazil',
  'Mexico',
  'Canada',
  'Kenya',
  'Chile',
  'Peru',
  'India',
  'Norway',
  'Sweden',
  'Finland',
  'Greece',
  'Turkey',
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vi', 'zo', 'ba', 'do', 'fe', 'gu', 'hi', 'ja', 'ko'];

function placeName(i: number): string {
  let name = '';
  for (let x = i + 17; x > 0; x = Math.floor(x / 16)) name += SYLLABLES[x % 16];
  return name[0]!.toUpperCase() + name.slice(1);
}

/** A pair list of the twin-cities shape: `pairs` distinct pairs among `places` places, deterministic. */
export function pairList(pairs: number, places: number): { text: string; placesUsed: number } {
  let seed = 7;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const place = (i: number) => `${placeName(i)},${COUNTRIES[i % COUNTRIES.length]},${((i * 7) % 170) - 85},${((i * 13) % 350) - 175}`;
  const lines = ['city1,country1,lat1,lng1,city2,country2,lat2,lng2'];
  const seen = new Set<string>();
  const used = new Set<number>();
  while (lines.length <= pairs) {
    const a = Math.floor(random() * places);
    const b = Math.floor(random() * places);
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    used.add(a).add(b);
    lines.push(`${place(a)},${place(b)}`);
  }
  return { text: `${lines.join('\n')}\n`, placesUsed: used.size };
}
