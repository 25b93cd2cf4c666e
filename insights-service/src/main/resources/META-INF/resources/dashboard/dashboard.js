// The directors' dashboard: reads insights-service's rollup API with the user's bearer token, and the display names of
// the people and groups it shows from meetings-service's directory (POST /people/lookup) with the same token.
// Plain browser JavaScript, no dependencies: it works offline and loads in one round trip per view (plus one for names).
(function () {
  'use strict';

  const TOKEN_KEY = 'oneonone.insights.token';
  const SVG = 'http://www.w3.org/2000/svg';
  const COLOURS = { healthy: '#2e7d32', atRisk: '#ef8f00', overdue: '#c62828', noOneOnOne: '#6a1b9a',
    coverage: '#1565c0', followThrough: '#00897b', adherence: '#8d6e63' };
  const KIND_NAMES = { organisation: 'Organisation', subtree: 'Reporting subtree', department: 'Department',
    team: 'Team', manager: 'Manager' };
  const CHILDREN = { organisation: 'department', subtree: 'department', department: 'team', team: 'manager' };

  const $ = (id) => document.getElementById(id);
  const state = { token: null, claims: null, path: [], groupsCursor: null, attentionCursor: null, attentionLoaded: 0 };
  // Names the directory gave this viewer; an id or code without one is shown as it is. Cleared with the token.
  const names = { people: new Map(), groups: new Map(), asked: new Set() };
  const settings = fetch('config.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  // ---- token --------------------------------------------------------------------------------------------
  function readTokenFromUrl() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search); // keep the token out of the address bar
    }
  }

  function claimsOf(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(part + '='.repeat((4 - part.length % 4) % 4)));
    } catch (e) {
      return null;
    }
  }

  function rootScope(claims) {
    const groups = claims.groups || [];
    if (groups.includes('hr') || groups.includes('integration')) {
      return { kind: 'organisation', key: null };
    }
    return { kind: 'subtree', key: claims.sub };
  }

  // ---- API ----------------------------------------------------------------------------------------------
  async function api(path, params) {
    const query = new URLSearchParams();
    Object.entries(params || {}).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== '') query.set(k, v); });
    const url = path + (query.toString() ? '?' + query : '');
    const response = await fetch(url, { headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = body && (body.errors ? body.errors.map((e) => e.field + ' ' + e.message).join('; ') : body.detail);
      const error = new Error((body && body.title ? body.title : 'HTTP ' + response.status) + (detail ? ': ' + detail : ''));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function rollupPath(scope) {
    const key = encodeURIComponent(scope.key || '');
    switch (scope.kind) {
      case 'organisation': return '/rollups/organisation';
      case 'department': return '/rollups/departments/' + key;
      case 'team': return '/rollups/teams/' + key;
      case 'manager': return '/rollups/managers/' + key;
      default: return '/rollups/subtrees/' + key;
    }
  }

  function scopeText(scope) {
    return scope.kind === 'organisation' ? 'organisation' : scope.kind + ':' + scope.key;
  }

  function childList(scope) {
    switch (scope.kind) {
      case 'organisation': case 'subtree': return { path: '/rollups/departments', params: {} };
      case 'department': return { path: '/rollups/teams', params: { department: scope.key } };
      case 'team': return { path: '/rollups/managers', params: { team: scope.key } };
      default: return null;
    }
  }

  // ---- names --------------------------------------------------------------------------------------------
  // Asks the directory, once per id or group, for the names this viewer may see; anything it leaves out (not visible,
  // no name, directory unreachable) keeps showing its id or code.
  async function lookUpNames(personIds, groupKeys) {
    const directory = (await settings).directoryUrl;
    const ids = [...new Set(personIds.filter((id) => id && UUID.test(id) && !names.asked.has('person:' + id)))];
    const groups = [...new Set(groupKeys.filter((g) => g && !names.asked.has(g)))];
    if (!directory || !state.token || (!ids.length && !groups.length)) return;
    const asked = ids.map((id) => 'person:' + id).concat(groups);
    // up to 500 ids and 100 groups a request; either may be empty (an integration's token names no person)
    for (let i = 0, g = 0; i < ids.length || g < groups.length; i += 500, g += 100) {
      const body = { ids: ids.slice(i, i + 500), groups: groups.slice(g, g + 100) };
      try {
        const response = await fetch(directory + '/people/lookup', { method: 'POST', body: JSON.stringify(body),
          headers: { Authorization: 'Bearer ' + state.token, 'Content-Type': 'application/json', Accept: 'application/json' } });
        if (!response.ok) return;
        const found = await response.json();
        (found.people || []).forEach((p) => names.people.set(p.id, p.name));
        (found.groups || []).forEach((n) => names.groups.set(n.kind + ':' + n.code, n.name));
      } catch (e) {
        return; // the directory is unreachable or refuses this origin: ids stay
      }
    }
    asked.forEach((key) => names.asked.add(key));
  }

  function scopeNames(scopes) {
    const people = [], groups = [];
    scopes.forEach((scope) => {
      if (scope.kind === 'manager' || scope.kind === 'subtree') people.push(scope.key);
      if (scope.kind === 'team' || scope.kind === 'department') groups.push(scope.kind + ':' + scope.key);
    });
    return { people, groups };
  }

  async function lookUpView(scopes, attention) {
    const wanted = scopeNames(scopes);
    (attention || []).forEach((item) => wanted.people.push(item.leaderId, item.companionId));
    await lookUpNames(wanted.people, wanted.groups);
  }

  function personName(id) {
    return names.people.get(id);
  }

  // ---- formatting ---------------------------------------------------------------------------------------
  const pct = (rate) => (rate === null || rate === undefined ? '–' : Math.round(rate * 100) + '%');
  const shortId = (id) => (id ? id.substring(0, 8) : '');
  function label(scope) {
    if (scope.kind === 'organisation') return 'Organisation';
    if (scope.kind === 'manager' || scope.kind === 'subtree') {
      const mine = state.claims && scope.key === state.claims.sub;
      return KIND_NAMES[scope.kind] + ' ' + (mine ? '(you)' : personName(scope.key) || shortId(scope.key));
    }
    return KIND_NAMES[scope.kind] + ' ' + (names.groups.get(scope.kind + ':' + scope.key) || scope.key);
  }
  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v; else if (k === 'class') node.className = v; else node.setAttribute(k, v);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  // ---- rendering ----------------------------------------------------------------------------------------
  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  function renderBreadcrumb() {
    const nav = $('breadcrumb');
    nav.replaceChildren();
    state.path.forEach((scope, index) => {
      if (index > 0) nav.append(element('span', { class: 'sep', text: '›' }));
      if (index === state.path.length - 1) {
        nav.append(element('strong', { text: label(scope) }));
      } else {
        const link = element('a', { text: label(scope), 'data-depth': String(index) });
        link.addEventListener('click', () => { state.path = state.path.slice(0, index + 1); load(); });
        nav.append(link);
      }
    });
  }

  function tile(id, value, hint) {
    const node = $(id);
    node.querySelector('.value').textContent = value;
    node.querySelector('.hint').textContent = hint || '';
  }

  function renderFigures(rollup) {
    const suppressed = rollup.suppressed;
    $('suppressed').hidden = !suppressed;
    $('tiles').hidden = suppressed;
    $('charts').hidden = suppressed;
    $('attention-section').hidden = suppressed;
    if (suppressed) {
      $('suppressed').textContent = 'This group has fewer people than the minimum group size: its figures are withheld for privacy.';
      return;
    }
    const f = rollup.figures;
    tile('tile-healthy', f.health.healthy, 'of ' + f.series + ' series');
    tile('tile-at-risk', f.health.atRisk, f.health.paused ? f.health.paused + ' paused' : '');
    tile('tile-overdue', f.health.overdue, '');
    tile('tile-no-one-on-one', f.health.noOneOnOne, 'reports without a 1:1');
    tile('tile-follow-through', pct(f.followThrough.rate), f.followThrough.completedOnTime + ' of ' + f.followThrough.due + ' on time');
    tile('tile-coverage', pct(f.coverage.rate), f.coverage.covered + ' of ' + f.coverage.withManager + ' people');
    tile('tile-adherence', pct(f.adherenceAverage), f.people + ' people');
  }

  function lineChart(container, points, lines, options) {
    container.replaceChildren();
    const width = 640, height = 220, left = 40, right = 12, top = 10, bottom = 28;
    const values = points.flatMap((p) => lines.map((l) => l.value(p))).filter((v) => v !== null && v !== undefined);
    // counts: a maximum that divides into four whole steps, so that the axis labels are exact
    const max = options.max !== undefined ? options.max : Math.ceil(Math.max(1, ...values) / 4) * 4;
    const x = (i) => left + (points.length === 1 ? (width - left - right) / 2 : i * (width - left - right) / (points.length - 1));
    const y = (v) => top + (height - top - bottom) * (1 - v / max);
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('role', 'img');
    const add = (tag, attributes, text) => {
      const node = document.createElementNS(SVG, tag);
      Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
      if (text !== undefined) node.textContent = text;
      svg.append(node);
      return node;
    };
    for (let i = 0; i <= 4; i++) {
      const v = max * i / 4;
      add('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#e3e7ec' });
      add('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5f6b7a' }, options.format(v));
    }
    const step = Math.max(1, Math.ceil(points.length / 6));
    points.forEach((p, i) => {
      if (i % step === 0 || i === points.length - 1) {
        add('text', { x: x(i), y: height - 8, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6b7a' }, p.weekEnd.substring(5));
      }
    });
    lines.forEach((line) => {
      let d = '';
      points.forEach((p, i) => {
        const v = line.value(p);
        if (v === null || v === undefined) { d += ' '; return; }
        d += (d === '' || d.endsWith(' ') ? 'M' : 'L') + x(i).toFixed(1) + ',' + y(v).toFixed(1);
      });
      add('path', { d: d.trim().replace(/ +(?=M)/g, ' '), fill: 'none', stroke: line.colour, 'stroke-width': 2 });
      points.forEach((p, i) => {
        const v = line.value(p);
        if (v !== null && v !== undefined) {
          const dot = add('circle', { cx: x(i), cy: y(v), r: 2.5, fill: line.colour });
          const title = document.createElementNS(SVG, 'title');
          title.textContent = line.name + ' ' + p.weekEnd + ': ' + options.format(v);
          dot.append(title);
        }
      });
    });
    const legend = element('div', { class: 'legend' }, lines.map((l) => {
      const swatch = element('i');
      swatch.style.background = l.colour;
      return element('span', {}, [swatch, l.name]);
    }));
    if (points.some((p) => p.suppressed)) legend.append(element('span', { text: 'gaps: weeks withheld for privacy' }));
    container.append(svg, legend);
  }

  function renderTrend(trend) {
    const points = trend || [];
    const get = (p, f) => (p.suppressed ? null : f(p.figures));
    lineChart($('chart-health'), points, [
      { name: 'Healthy', colour: COLOURS.healthy, value: (p) => get(p, (f) => f.health.healthy) },
      { name: 'At risk', colour: COLOURS.atRisk, value: (p) => get(p, (f) => f.health.atRisk) },
      { name: 'Overdue', colour: COLOURS.overdue, value: (p) => get(p, (f) => f.health.overdue) },
      { name: 'No 1:1', colour: COLOURS.noOneOnOne, value: (p) => get(p, (f) => f.health.noOneOnOne) },
    ], { format: (v) => String(Math.round(v)) });
    lineChart($('chart-rates'), points, [
      { name: 'Coverage', colour: COLOURS.coverage, value: (p) => get(p, (f) => f.coverage.rate) },
      { name: 'Follow-through', colour: COLOURS.followThrough, value: (p) => get(p, (f) => f.followThrough.rate) },
      { name: 'Adherence', colour: COLOURS.adherence, value: (p) => get(p, (f) => f.adherenceAverage) },
    ], { max: 1, format: (v) => Math.round(v * 100) + '%' });
  }

  function figureCells(group) {
    const f = group.figures;
    return group.suppressed
      ? [element('td', { colspan: '7', class: 'suppressed-row', text: 'withheld: fewer people than the minimum group size' })]
      : [f.people, f.health.healthy, f.health.atRisk, f.health.overdue, f.health.noOneOnOne,
        pct(f.followThrough.rate), pct(f.coverage.rate)].map((v) => element('td', { class: 'num', text: String(v) }));
  }

  function groupRow(rollup) {
    const scope = { kind: rollup.scope.kind.toLowerCase(), key: rollup.scope.key };
    const link = element('a', { text: label(scope), 'data-scope': scopeText(scope), title: scope.key || '' });
    link.addEventListener('click', () => { state.path.push(scope); load(); });
    return element('tr', { 'data-scope': scopeText(scope), 'data-suppressed': String(rollup.suppressed) },
      [element('td', {}, [link]), ...figureCells(rollup)]);
  }

  function withoutDepartmentRow(group) {
    return element('tr', { id: 'without-department', 'data-suppressed': String(group.suppressed) },
      [element('td', { text: 'No department' }), ...figureCells(group)]);
  }

  async function fetchGroups(scope, more) {
    const list = childList(scope);
    if (!list) return null;
    return api(list.path, Object.assign({ asOf: $('as-of').value, limit: 100, after: more ? state.groupsCursor : null }, list.params));
  }

  const groupScopes = (page) => (page ? page.items.map((item) => ({ kind: item.scope.kind.toLowerCase(), key: item.scope.key })) : []);

  async function moreGroups() {
    const scope = state.path[state.path.length - 1];
    const page = await fetchGroups(scope, true);
    await lookUpView(groupScopes(page), []);
    renderGroups(scope, page, true);
  }

  function renderGroups(scope, page, more) {
    $('groups-section').hidden = !page;
    if (!page) return;
    $('groups-title').textContent = { department: 'Departments', team: 'Teams', manager: 'Managers' }[CHILDREN[scope.kind]];
    const body = $('groups').querySelector('tbody');
    if (!more) body.replaceChildren();
    page.items.forEach((item) => body.append(groupRow(item)));
    // the people without a department, on every page of departments: with the departments they make the organisation
    const without = $('groups').querySelector('tfoot');
    without.replaceChildren();
    if (page.withoutDepartment) without.append(withoutDepartmentRow(page.withoutDepartment));
    state.groupsCursor = page.next || null;
    $('groups-more').hidden = !state.groupsCursor;
  }

  function attentionRow(item) {
    const reasons = element('td', {}, item.reasons.map((r) => element('span', { class: 'reason ' + r, text: r.replace(/_/g, ' ').toLowerCase() })));
    const cells = [
      item.health ? item.health.replace('_', ' ').toLowerCase() : 'no series',
      item.gapDays === undefined ? '' : String(item.gapDays),
      item.followThroughRate === undefined ? '' : pct(item.followThroughRate) + ' of ' + item.agreementsDue,
    ].map((text) => element('td', { text }));
    const series = element('td', {}, [element('code', { text: shortId(item.seriesId), title: item.seriesId || '' })]);
    const people = [item.leaderId, item.companionId].map((id) => element('td', { 'data-person': id || '' }, [personName(id)
      ? element('span', { class: 'name', text: personName(id), title: id })
      : element('code', { text: shortId(id), title: id || '' })]));
    const ids = [series, ...people];
    const advice = element('td', { text: (item.recommendations || []).map((r) => r.replace(/_/g, ' ').toLowerCase()).join(', ') });
    return element('tr', { 'data-reasons': item.reasons.join(' ') }, [reasons, ...cells, ...ids, advice]);
  }

  function renderAttention(rollup) {
    const body = $('attention').querySelector('tbody');
    body.replaceChildren();
    (rollup.attention || []).forEach((item) => body.append(attentionRow(item)));
    state.attentionLoaded = (rollup.attention || []).length;
    state.attentionCursor = null;
    $('attention-count').textContent = rollup.attentionCount === undefined ? '' : '(' + rollup.attentionCount + ')';
    $('attention-more').hidden = !(rollup.attentionCount > state.attentionLoaded);
  }

  async function moreAttention() {
    const scope = state.path[state.path.length - 1];
    const body = $('attention').querySelector('tbody');
    const page = await api('/attention', { scope: scopeText(scope), asOf: $('as-of').value, limit: 100, after: state.attentionCursor });
    await lookUpView([], page.items);
    if (!state.attentionCursor) body.replaceChildren(); // the first page repeats the preview
    page.items.forEach((item) => body.append(attentionRow(item)));
    state.attentionCursor = page.next || null;
    $('attention-more').hidden = !state.attentionCursor;
  }

  async function load() {
    const scope = state.path[state.path.length - 1];
    const overview = $('overview');
    overview.dataset.state = 'loading';
    renderBreadcrumb();
    status('Loading…');
    const started = performance.now();
    try {
      // one after the other: the rollup computes the date's figures, the list of groups then reuses them
      const rollup = await api(rollupPath(scope), { asOf: $('as-of').value, weeks: $('weeks').value });
      const groups = await fetchGroups(scope, false);
      await lookUpView(state.path.concat(groupScopes(groups)), rollup.attention);
      renderBreadcrumb();
      renderGroups(scope, groups, false);
      $('scope-title').textContent = label(scope) + ' · as of ' + rollup.asOf;
      renderFigures(rollup);
      renderTrend(rollup.trend);
      renderAttention(rollup);
      overview.hidden = false;
      overview.dataset.state = 'ready';
      status('Loaded in ' + Math.round(performance.now() - started) + ' ms.');
    } catch (error) {
      overview.dataset.state = 'error';
      status(error.status === 401 ? 'The token was refused (expired or not for this service): paste a new one.' : error.message, true);
    }
  }

  function open(token) {
    const claims = claimsOf(token);
    if (!claims) {
      status('That does not look like a JWT.', true);
      return;
    }
    if (token !== state.token) {
      names.people.clear();
      names.groups.clear();
      names.asked.clear();
    }
    state.token = token;
    state.claims = claims;
    sessionStorage.setItem(TOKEN_KEY, token);
    state.path = [rootScope(claims)];
    load();
  }

  // ---- wiring -------------------------------------------------------------------------------------------
  $('token-form').addEventListener('submit', (event) => { event.preventDefault(); open($('token').value.trim()); });
  $('forget-token').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    names.people.clear();
    names.groups.clear();
    names.asked.clear();
    $('token').value = '';
    $('overview').hidden = true;
    $('breadcrumb').replaceChildren();
    status('Token forgotten. Paste a token to open the dashboard.');
  });
  $('as-of').addEventListener('change', () => state.token && load());
  $('weeks').addEventListener('change', () => state.token && load());
  $('groups-more').addEventListener('click', moreGroups);
  $('attention-more').addEventListener('click', moreAttention);

  readTokenFromUrl();
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    $('token').value = saved;
    open(saved);
  }
}());
