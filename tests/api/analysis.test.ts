import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, loadSeed } from '../../server/src/seed/loadSeed.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { AtlasApp } from '../../server/src/app.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { gql, openApi } from '../helpers/api.js';

/** The analysis fields through the real Apollo server, on the seed graph. */
describe('analysis API on the seed graph', () => {
  let app: AtlasApp;
  const seed = loadSeed(DEFAULT_SEED_DIR);
  const kindOf = new Map(seed.nodes.map((n) => [n.id, n.kind]));
  const municipalities = seed.nodes.filter((n) => n.kind === 'MUNICIPALITY').map((n) => n.id);
  beforeAll(async () => {
    const store = new MemoryGraphStore();
    await seedStore(store, { graph: seed });
    app = await openApi(store);
  });
  afterAll(() => app.apollo.stop());

  it('finds peers of Roeselare that are not its partners, with the score split per basis, the evidence and an explanation', async () => {
    const { data, errors } = await gql(
      app,
      `{ similarMunicipalities(id: "roeselare", first: 5) { peer { id } score isPartner explanation byBasis { basis score shared { id } features { node { id } holders weight } } } }`,
    );
    expect(errors).toBeUndefined();
    const peers = data.similarMunicipalities;
    expect(peers).toHaveLength(5);
    expect(peers.map((p: { peer: { id: string } }) => p.peer.id)).not.toContain('dogbo');
    expect(peers.map((p: { isPartner: boolean }) => p.isPartner)).toEqual([false, false, false, false, false]);
    expect(peers.map((p: { score: number }) => p.score)).toEqual([...peers.map((p: { score: number }) => p.score)].sort((a, b) => b - a));
    const first = peers[0];
    expect(first.score).toBeCloseTo(
      first.byBasis.reduce((s: number, b: { score: number }) => s + b.score, 0),
      12,
    );
    const themes = first.byBasis.find((b: { basis: string }) => b.basis === 'THEMES');
    expect(themes.shared.map((n: { id: string }) => n.id)).toEqual(themes.features.map((f: { node: { id: string } }) => f.node.id).sort());
    expect(first.explanation).toMatch(/^Shares with Roeselare \d+ /);
    expect(first.explanation).toMatch(/ln\(1 \+ 54 \/ n\)/); // 54 municipalities: Central Kasai is a region (PLACE)
  });

  it("lists Roeselare's partners apart, with the partnership and what they share", async () => {
    const { data } = await gql(
      app,
      `{ similarMunicipalities(id: "roeselare", filter: { onlyPartners: true }) { peer { id } isPartner partnerships { id } explanation } }`,
    );
    expect(data.similarMunicipalities.map((p: { peer: { id: string } }) => p.peer.id)).toEqual(['dogbo']);
    expect(data.similarMunicipalities[0].isPartner).toBe(true);
    expect(data.similarMunicipalities[0].partnerships.length).toBe(1);
    expect(data.similarMunicipalities[0].explanation).toContain('Already a partner:');
  });

  it('no municipality of the seed has one of its partners among its top 10 peers (default call)', async () => {
    // Partners straight from the seed: the other municipalities PARTY_TO a partnership it is PARTY_TO.
    const partiesOf = new Map<string, string[]>();
    for (const r of seed.relations)
      if (r.kind === 'PARTY_TO' && kindOf.get(r.from) === 'MUNICIPALITY') partiesOf.set(r.to, [...(partiesOf.get(r.to) ?? []), r.from]);
    const partnersOf = (m: string) =>
      new Set(
        [...partiesOf.values()]
          .filter((parties) => parties.includes(m))
          .flat()
          .filter((x) => x !== m),
      );
    let withPartners = 0;
    for (const m of municipalities) {
      const partners = partnersOf(m);
      if (partners.size > 0) withPartners++;
      const { data } = await gql(app, `{ similarMunicipalities(id: "${m}") { peer { id } } }`);
      const listed = data.similarMunicipalities.map((p: { peer: { id: string } }) => p.peer.id);
      expect(
        listed.filter((id: string) => partners.has(id)),
        m,
      ).toEqual([]);
    }
    expect(municipalities).toHaveLength(54); // Central Kasai is a region (PLACE), no longer a MUNICIPALITY
    expect(withPartners).toBeGreaterThan(10);
  });

  it('every seed municipality sharing a project with another has PROJECTS peers, exactly those', async () => {
    // Projects straight from the seed: tied to the municipality or to one of its partnerships.
    const partnershipsOf = (m: string) => seed.relations.filter((r) => r.kind === 'PARTY_TO' && r.from === m).map((r) => r.to);
    const projectsOf = (m: string) => {
      const around = new Set([m, ...partnershipsOf(m)]);
      const out = new Set<string>();
      for (const r of seed.relations) {
        if (r.kind === 'LOCATED_IN' || r.kind === 'PART_OF') continue;
        if (around.has(r.from) && kindOf.get(r.to) === 'PROJECT') out.add(r.to);
        if (around.has(r.to) && kindOf.get(r.from) === 'PROJECT') out.add(r.from);
      }
      return out;
    };
    const projects = new Map(municipalities.map((m) => [m, projectsOf(m)]));
    let checked = 0;
    for (const m of municipalities) {
      const sharing = municipalities.filter((q) => q !== m && [...projects.get(q)!].some((p) => projects.get(m)!.has(p))).sort();
      const { data } = await gql(
        app,
        `{ similarMunicipalities(id: "${m}", first: 50, basis: [PROJECTS], filter: { excludePartners: false }) { peer { id } byBasis { shared { id kind } } } }`,
      );
      const peers = data.similarMunicipalities;
      expect(peers.map((p: { peer: { id: string } }) => p.peer.id).sort(), m).toEqual(sharing);
      for (const p of peers) expect(p.byBasis[0].shared.map((n: { kind: string }) => n.kind)).toContain('PROJECT');
      if (sharing.length > 0) checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('puts peers who share partners first when there are any', async () => {
    // Banjul and Ostende are both partners of Ostend; the themes Banjul shares with others weigh less.
    const { data } = await gql(app, `{ similarMunicipalities(id: "banjul", first: 3) { peer { id } byBasis { basis shared { id } } } }`);
    expect(data.similarMunicipalities[0].peer.id).toBe('ostende');
    expect(data.similarMunicipalities[0].byBasis[0]).toEqual({ basis: 'PARTNER_MUNICIPALITIES', shared: [{ id: 'ostend' }] });
  });

  it('filters by country and leaves out direct ties when asked', async () => {
    const { data } = await gql(
      app,
      `{ similarMunicipalities(id: "roeselare", first: 20, metric: ADAMIC_ADAR, filter: { countries: ["BE"], excludeDirectTies: true }) { peer { id countryCode } } }`,
    );
    const countries = data.similarMunicipalities.map((p: { peer: { countryCode: string } }) => p.peer.countryCode);
    expect(countries.length).toBeGreaterThan(3);
    expect(new Set(countries)).toEqual(new Set(['BE']));
  });

  it('weights bases as the caller says, and refuses weights that are not finite numbers from 0 to 1000', async () => {
    const { data } = await gql(
      app,
      `{ similarMunicipalities(id: "roeselare", first: 3, metric: WEIGHTED, basis: [THEMES, NETWORKS], weights: [{ basis: NETWORKS, weight: 0 }]) { byBasis { basis score } } }`,
    );
    const networkScores = data.similarMunicipalities.map(
      (p: { byBasis: { basis: string; score: number }[] }) => p.byBasis.find((b) => b.basis === 'NETWORKS')!.score,
    );
    expect(networkScores).toEqual([0, 0, 0]);
    const refused = async (weights: string) =>
      (await gql(app, `{ similarMunicipalities(id: "roeselare", metric: WEIGHTED, basis: [THEMES], weights: ${weights}) { score } }`))
        .errors?.[0];
    for (const weights of ['[{ basis: THEMES, weight: 1e308 }]', '[{ basis: THEMES, weight: -1 }]', '[{ basis: THEMES, weight: 0 }]']) {
      const error = await refused(weights);
      expect(error?.extensions?.code, weights).toBe('BAD_USER_INPUT');
      expect(error?.message).toMatch(/weight/);
    }
  });

  it('suggests partners two steps away on every path, with the paths and an explanation in plain words', async () => {
    const { data } = await gql(
      app,
      `{ suggestPartners(id: "lichtervelde", first: 5) { candidate { id kind } score pathCount explanation paths { length nodes { id kind } relations { kind sources { quote } } } } }`,
    );
    const suggestions = data.suggestPartners;
    expect(suggestions).toHaveLength(5);
    type Path = { length: number; nodes: { id: string; kind: string }[]; relations: { sources: unknown[] }[] };
    const paths: Path[] = suggestions.flatMap((s: { paths: Path[] }) => s.paths);
    expect(paths.length).toBeGreaterThanOrEqual(5);
    expect(
      suggestions
        .map((s: { candidate: { kind: string } }) => s.candidate.kind)
        .filter((k: string) => k !== 'MUNICIPALITY' && k !== 'ORGANIZATION'),
    ).toEqual([]);
    expect(new Set(paths.map((p) => p.nodes[0]!.id))).toEqual(new Set(['lichtervelde']));
    expect(
      suggestions.flatMap((s: { candidate: { id: string }; paths: Path[] }) => s.paths.map((p) => p.nodes.at(-1)!.id === s.candidate.id)),
    ).not.toContain(false);
    const steps = (p: Path) => p.length - p.nodes.filter((n) => n.kind === 'PARTNERSHIP').length;
    expect(new Set(paths.map(steps))).toEqual(new Set([2]));
    expect(paths.flatMap((p) => p.relations.map((r) => r.sources.length > 0))).not.toContain(false);
    expect(suggestions[0].explanation).toMatch(/^Through \d+ (municipalit|organisation|network|funding programme|project)/);
  });

  it('keeps every suggestion of every seed municipality within two steps, ordered by score then by more intermediaries', async () => {
    const longest: number[] = [];
    const outOfOrder: string[] = [];
    for (const m of municipalities) {
      const { data } = await gql(app, `{ suggestPartners(id: "${m}", first: 10) { score pathCount paths { length nodes { kind } } } }`);
      const list: { score: number; pathCount: number; paths: { length: number; nodes: { kind: string }[] }[] }[] = data.suggestPartners;
      for (const s of list) for (const p of s.paths) longest.push(p.length - p.nodes.filter((n) => n.kind === 'PARTNERSHIP').length);
      list.slice(1).forEach((s, i) => {
        const before = list[i]!;
        if (before.score < s.score || (before.score === s.score && before.pathCount < s.pathCount)) outOfOrder.push(m);
      });
    }
    expect(longest.length).toBeGreaterThan(100);
    expect(Math.max(...longest)).toBe(2);
    expect(outOfOrder).toEqual([]);
  });

  it('finds how Zoersel and Ostend are connected, hop by hop with sources', async () => {
    const { data } = await gql(
      app,
      `{ shortestPath(from: "zoersel", to: "ostend", relationKinds: [PARTY_TO, MEMBER_OF, PARTICIPATES_IN]) { length nodes { id } relations { kind sources { quote } } } }`,
    );
    const path = data.shortestPath;
    expect(path.nodes[0].id).toBe('zoersel');
    expect(path.nodes.at(-1).id).toBe('ostend');
    expect(path.relations.every((r: { kind: string }) => ['PARTY_TO', 'MEMBER_OF', 'PARTICIPATES_IN'].includes(r.kind))).toBe(true);
    const all = await gql(
      app,
      `{ allShortestPaths(from: "zoersel", to: "ostend", relationKinds: [PARTY_TO, MEMBER_OF, PARTICIPATES_IN], first: 50) { length } }`,
    );
    expect(all.data.allShortestPaths.length).toBeGreaterThanOrEqual(1);
    expect(all.data.allShortestPaths.every((p: { length: number }) => p.length === path.length)).toBe(true);
  });

  it('recommends approaches for a small budget and high reciprocity, with cases, networks and programmes', async () => {
    const { data } = await gql(
      app,
      `{ recommendApproaches(wishes: [{ feature: BUDGET, max: 1 }, { feature: RECIPROCITY, min: 2, weight: 2 }]) {
      approach { id } score meetsAll met { feature printed } missed { feature printed } cases { id } networks { id } programs { id } } }`,
    );
    const ranked = data.recommendApproaches;
    expect(ranked).toHaveLength(8);
    // City-to-city partnership has a +++ budget: it misses the budget wish and ranks below those meeting both.
    const c2c = ranked.find((r: { approach: { id: string } }) => r.approach.id === 'city-to-city-partnership');
    expect(c2c.meetsAll).toBe(false);
    expect(c2c.missed).toEqual([{ feature: 'BUDGET', printed: '+++' }]);
    const firstMiss = ranked.findIndex((r: { meetsAll: boolean }) => !r.meetsAll);
    expect(ranked.slice(0, firstMiss).every((r: { meetsAll: boolean }) => r.meetsAll)).toBe(true);
    expect(ranked[0].cases.length).toBeGreaterThan(0);
    // The "1" the table prints for youth work / private sector is unreadable, so that wish is missed.
    const youth = await gql(
      app,
      `{ recommendApproaches(wishes: [{ feature: PRIVATE_SECTOR_INVOLVEMENT, min: 1 }]) { approach { id } missed { printed } } }`,
    );
    const youthWork = youth.data.recommendApproaches.find(
      (r: { approach: { id: string } }) => r.approach.id === 'international-youth-work',
    );
    expect(youthWork.missed).toEqual([{ printed: '1' }]);
  });

  it('exposes graph metrics computed in the background: at once the degree and stale, then the rest; null for unknown ids', async () => {
    const query = `{ metrics(ids: ["vvsg", "atlantis"]) { degree betweenness community computedAt stale } }`;
    const first = (await gql(app, query)).data;
    expect(first.metrics[1]).toBeNull();
    expect(first.metrics[0]).toMatchObject({ betweenness: null, community: null, computedAt: null, stale: true });
    expect(first.metrics[0].degree).toBeGreaterThan(10);
    let data = first;
    for (const until = Date.now() + 60_000; data.metrics[0].stale && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      data = (await gql(app, query)).data;
    }
    expect(data.metrics[0].stale).toBe(false);
    expect(data.metrics[0].betweenness).toBeGreaterThan(0);
    expect(data.metrics[0].degree).toBe(first.metrics[0].degree);
    expect(Date.parse(data.metrics[0].computedAt)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('refuses bad input with codes', async () => {
    const codes = async (q: string) => (await gql(app, q)).errors?.[0]?.extensions?.code;
    expect(await codes('{ similarMunicipalities(id: "vvsg") { score } }')).toBe('BAD_USER_INPUT');
    expect(await codes('{ similarMunicipalities(id: "atlantis") { score } }')).toBe('NOT_FOUND');
    expect(await codes('{ shortestPath(from: "mol", to: "dogbo", maxHops: 9) { length } }')).toBe('BAD_USER_INPUT');
    expect(await codes('{ recommendApproaches(wishes: [{ feature: BUDGET, min: 3, max: 1 }]) { score } }')).toBe('BAD_USER_INPUT');
  });
});
