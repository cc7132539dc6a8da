// The check-in page (docs/checkin.md, "The check-in page"): scans go to POST /api/checkins; when
// the server cannot be reached in time (expodesk.checkin.online-timeout, 2 s) the page decides
// alone with the offline bundle (the rules are a port of checkin.CheckinRules), keeps the scan in
// IndexedDB and uploads it later.
(function () {
  'use strict';

  const TOKEN = 'expodesk.checkin.token';
  const GATE = 'expodesk.checkin.gate';
  const DIRECTION = 'expodesk.checkin.direction';
  const BUNDLE_REFRESH_MS = 5 * 60 * 1000;
  const UPLOAD_EVERY_MS = 10 * 1000;

  const root = document.getElementById('checkin');
  const texts = JSON.parse(root.dataset.messages || '{}');
  const configuredTimeout = Number(root.dataset.onlineTimeoutMs);
  const ONLINE_TIMEOUT_MS = configuredTimeout > 0 ? configuredTimeout : 2000;
  const el = (selector) => document.querySelector(selector);
  const t = (key, ...args) => (texts[key] || key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');

  let device = null;
  let bundle = null;
  let uploading = false;
  let peers = null;
  const counts = { ADMITTED: 0, ALREADY_ADMITTED: 0, REJECTED: 0, EXITED: 0 };

  // ---- storage: the bundle, this device's scan log and the upload queue ----

  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('expodesk-checkin', 2);
      request.onupgradeneeded = (event) => {
        const db = request.result;
        if (event.oldVersion < 1) {
          db.createObjectStore('bundle');
          db.createObjectStore('log', { autoIncrement: true }).createIndex('badge', 'badgeId');
          db.createObjectStore('queue', { keyPath: 'scanId' });
          // scans the server refused to take (e.g. a gate removed meanwhile): kept, not retried
          db.createObjectStore('refused', { keyPath: 'scanId' });
        }
        // scans the other tablets of this gate shared (gate-peers.js): counted offline, never uploaded from here
        db.createObjectStore('shared', { keyPath: 'scanId' }).createIndex('badge', 'badgeId');
      };
      request.onsuccess = () => {
        const db = request.result;
        // a newer page wants to change the store: give way and load it
        db.onversionchange = () => { db.close(); location.reload(); };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      // another tab of this page, from before an update, holds the store open
      request.onblocked = () => {
        el('[data-testid="result-detail"]').textContent = t('checkin_page_closeOtherTabs');
      };
    });
  }

  const dbReady = openDb();

  async function store(name, mode, work) {
    const db = await dbReady;
    return new Promise((resolve, reject) => {
      const tx = db.transaction(name, mode);
      const result = work(tx.objectStore(name));
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }

  const saveBundle = (b) => store('bundle', 'readwrite', (s) => s.put(b, 'current'));
  const loadBundle = () => store('bundle', 'readonly', (s) => s.get('current'));
  async function logScan(entry) {
    await store('log', 'readwrite', (s) => s.add(entry));
    if (peers) {
      peers.share([entry]);
    }
  }

  async function scansOf(badgeId) {
    const own = await store('log', 'readonly', (s) => s.index('badge').getAll(badgeId));
    const shared = await store('shared', 'readonly', (s) => s.index('badge').getAll(badgeId));
    return own.concat(shared);
  }

  /**
   * What a tablet of the gate that just connected needs of this one's log: its admissions and exits,
   * the only scans the rules count (entries logged before they carried a scan id get one).
   */
  async function scansToShare() {
    const all = await store('log', 'readonly', (s) => s.getAll());
    return all.filter((e) => e.result === 'ADMITTED' || e.result === 'EXITED')
      .map((e) => (e.scanId ? e : Object.assign({ scanId: 'log-' + e.badgeId + '-' + e.at }, e)));
  }

  const keepShared = (entries) => store('shared', 'readwrite', (s) => entries.forEach((e) => s.put(e)));
  const enqueue = (scan) => store('queue', 'readwrite', (s) => s.put(scan));
  const queued = () => store('queue', 'readonly', (s) => s.getAll());
  const dequeue = (ids) => store('queue', 'readwrite', (s) => ids.forEach((id) => s.delete(id)));
  const setAside = (scans) => store('refused', 'readwrite', (s) => scans.forEach((scan) => s.put(scan)));
  const setAsideScans = () => store('refused', 'readonly', (s) => s.getAll());

  /**
   * Puts the scans an upload was refused for back in the queue, e.g. once staff restored their gate:
   * in one transaction over both stores, and not while an upload is moving scans between them.
   */
  async function sendRefusedAgain() {
    if (uploading) {
      setTimeout(sendRefusedAgain, 500);
      return;
    }
    const db = await dbReady;
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['refused', 'queue'], 'readwrite');
      const refused = tx.objectStore('refused');
      refused.getAll().onsuccess = (event) => {
        event.target.result.forEach((scan) => {
          tx.objectStore('queue').put(scan);
          refused.delete(scan.scanId);
        });
      };
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    await showQueued();
    upload();
  }

  // ---- the API ----

  async function api(method, path, body, timeoutMs) {
    const controller = new AbortController();
    const timer = timeoutMs ? setTimeout(() => controller.abort(), timeoutMs) : null;
    const headers = { 'Accept': 'application/json', 'Accept-Language': document.documentElement.lang };
    const token = localStorage.getItem(TOKEN);
    if (token) {
      headers['Authorization'] = 'Bearer ' + token;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    try {
      const response = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal,
        credentials: 'omit'
      });
      if (response.status === 401 && token) {
        signOut();
      }
      return response;
    } finally {
      if (timer) {
        clearTimeout(timer);
      }
    }
  }

  // ---- offline decision: the code ----

  const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

  function base45(text) {
    if (text.length % 3 === 1) {
      return null;
    }
    const out = [];
    for (let i = 0; i < text.length; i += 3) {
      const chars = text.substring(i, i + 3).split('').map((c) => BASE45.indexOf(c));
      if (chars.some((v) => v < 0)) {
        return null;
      }
      if (chars.length === 3) {
        const n = chars[0] + chars[1] * 45 + chars[2] * 2025;
        if (n > 0xffff) {
          return null;
        }
        out.push(n >> 8, n & 0xff);
      } else {
        const n = chars[0] + chars[1] * 45;
        if (n > 0xff) {
          return null;
        }
        out.push(n);
      }
    }
    return new Uint8Array(out);
  }

  /** The payload of a well-formed code (signature not checked), else null. As BadgeCodes.decode. */
  function parseCode(text) {
    if (!text || text.length > 400 || !text.startsWith('XD:')) {
      return null;
    }
    const b = base45(text.substring(3));
    if (!b || b.length < 1 + 3 + 2 + 3 + 64 || b[0] !== 1) {
      return null;
    }
    const end = b.length - 64;
    let at = 1;
    const varint = () => {
      let value = 0;
      for (let n = 0, factor = 1; n < 9; n++, factor *= 128) {
        if (at >= end) {
          return -1;
        }
        const octet = b[at++];
        value += (octet & 0x7f) * factor;
        if ((octet & 0x80) === 0) {
          return (n > 0 && octet === 0) || value > Number.MAX_SAFE_INTEGER ? -1 : value;
        }
      }
      return -1;
    };
    const exhibitionId = varint();
    const keyNo = varint();
    const badgeId = varint();
    if (exhibitionId < 0 || keyNo < 0 || badgeId < 0 || at >= end) {
      return null;
    }
    const length = b[at++];
    if (length < 1 || length > 16 || at + length + 3 !== end) {
      return null;
    }
    const category = String.fromCharCode(...b.slice(at, at + length));
    at += length;
    if (!/^[A-Z0-9_-]{1,16}$/.test(category)) {
      return null;
    }
    const firstDay = (b[at] << 8) | b[at + 1];
    const further = b[at + 2];
    return { exhibitionId, keyNo, badgeId, category, firstDay, further, signed: b.slice(0, end), signature: b.slice(end) };
  }

  async function signatureOf(payload) {
    if (payload.exhibitionId !== bundle.exhibitionId) {
      return 'OTHER_EDITION';
    }
    const key = bundle.keys.find((k) => k.keyNo === payload.keyNo);
    if (!key) {
      return 'FORGED';
    }
    try {
      const raw = Uint8Array.from(atob(key.publicKey), (c) => c.charCodeAt(0));
      const publicKey = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
      const good = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, payload.signature, payload.signed);
      return good ? 'VALID' : 'FORGED';
    } catch (e) {
      return 'FORGED';
    }
  }

  // ---- offline decision: the rules, as CheckinRules.decide (docs/checkin.md) ----

  const localDate = (instant, zone) => new Intl.DateTimeFormat('en-CA',
    { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const dayText = (epochDay) => new Date(epochDay * 86400000).toISOString().substring(0, 10);
  const admits = (codes, code) => !codes || codes.length === 0 || codes.includes(code);

  function decide(facts) {
    const { badge, place, policy, scannedAt, zone, direction, previous } = facts;
    const rejected = (reason) => ({ result: 'REJECTED', reason });
    switch (badge.signature) {
      case 'FORGED': return rejected('FORGED');
      case 'UNREADABLE': return rejected('UNKNOWN');
      case 'OTHER_EDITION': return rejected('WRONG_EDITION');
      default: if (badge.state === 'UNKNOWN') { return rejected('UNKNOWN'); }
    }
    const way = direction || (place.kind === 'EXIT' ? 'OUT' : 'IN');
    if (way === 'OUT') {
      return place.kind === 'ENTRY' ? rejected('WRONG_DIRECTION') : { result: 'EXITED' };
    }
    if (badge.state === 'REVOKED') { return rejected('REVOKED'); }
    if (badge.state === 'SUPERSEDED') { return rejected('SUPERSEDED'); }
    if (place.kind === 'EXIT') { return rejected('WRONG_DIRECTION'); }
    const today = localDate(scannedAt, zone);
    if (!badge.validDays.includes(today)) { return rejected('WRONG_DAY'); }
    const zonesMeet = badge.zones.length === 0 || place.zones.length === 0
      || place.zones.some((z) => badge.zones.includes(z));
    if (!admits(place.categories, badge.category) || !admits(place.deviceCategories, badge.category) || !zonesMeet) {
      return rejected('WRONG_ZONE');
    }
    if (badge.verificationRequired && !badge.verified) { return rejected('NOT_VERIFIED'); }
    let first = null, firstToday = null, last = null;
    for (const scan of previous) {
      if (scan.result !== 'ADMITTED' && scan.result !== 'EXITED') { continue; }
      if (!last || scan.at >= last.at) { last = scan; }
      if (scan.result !== 'ADMITTED') { continue; }
      if (!first || scan.at < first.at) { first = scan; }
      if (localDate(new Date(scan.at), zone) === today && (!firstToday || scan.at < firstToday.at)) { firstToday = scan; }
    }
    const already = (s) => ({ result: 'ALREADY_ADMITTED', earlierAt: new Date(s.at).toISOString(), earlierGate: s.gate });
    switch (policy || 'ONCE_PER_DAY') {
      case 'SINGLE_ENTRY': return first ? already(first) : { result: 'ADMITTED' };
      case 'FREE_REENTRY':
        return last && last.result === 'ADMITTED' && localDate(new Date(last.at), zone) === today
          ? already(last) : { result: 'ADMITTED' };
      default: return firstToday ? already(firstToday) : { result: 'ADMITTED' };
    }
  }

  async function decideOffline(code, gateName, scannedAt, direction) {
    const payload = parseCode(code);
    const gate = bundle.gates.find((g) => g.name.toLowerCase() === String(gateName).toLowerCase())
      || { name: gateName, kind: 'BOTH', zones: [], categories: [] };
    const signature = payload ? await signatureOf(payload) : 'UNREADABLE';
    let badge = { signature, state: 'UNKNOWN', category: null, validDays: [], zones: [] };
    let row = null;
    if (signature === 'VALID') {
      const id = payload.badgeId;
      row = bundle.badges.find((r) => r[0] === id) || null;
      const state = bundle.revoked.includes(id) ? 'REVOKED'
        : bundle.superseded.includes(id) ? 'SUPERSEDED' : row ? 'ACTIVE' : 'UNKNOWN';
      const validDays = [];
      for (let d = 0; d <= payload.further; d++) { validDays.push(dayText(payload.firstDay + d)); }
      // buyer verification: as the server, no category requires it yet (docs/checkin.md)
      badge = { signature, state, category: payload.category, validDays, zones: row && row[4] ? row[4].split(',') : [],
        verificationRequired: false, verified: true };
    }
    const previous = signature === 'VALID' ? await scansOf(payload.badgeId) : [];
    const outcome = decide({
      badge,
      place: { gate: gate.name, kind: gate.kind, zones: gate.zones, categories: gate.categories,
        deviceCategories: bundle.categories },
      policy: payload ? bundle.policies[payload.category] : null,
      scannedAt, zone: bundle.timezone, direction, previous
    });
    outcome.badge = row ? { id: row[0], holder: row[1], organization: row[2], category: row[3] } : null;
    outcome.badgeId = signature === 'VALID' ? payload.badgeId : null;
    return outcome;
  }

  // ---- showing a result ----

  function tone(result) {
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const notes = { ADMITTED: [880], EXITED: [660], ALREADY_ADMITTED: [520, 520], REJECTED: [220] }[result] || [440];
      notes.forEach((hz, i) => {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = hz;
        osc.type = result === 'REJECTED' ? 'square' : 'sine';
        gain.gain.value = 0.2;
        osc.connect(gain).connect(audio.destination);
        osc.start(audio.currentTime + i * 0.2);
        osc.stop(audio.currentTime + i * 0.2 + 0.15);
      });
      setTimeout(() => audio.close(), 1000);
    } catch (e) {
      // no audio on this device: the colours say it
    }
  }

  function formatWhen(iso) {
    const at = new Date(iso);
    const zone = bundle ? bundle.timezone : undefined;
    return new Intl.DateTimeFormat(document.documentElement.lang,
      { timeZone: zone, hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' }).format(at);
  }

  function show(outcome, offline) {
    const panel = el('[data-testid="result"]');
    panel.dataset.result = outcome.result;
    el('[data-testid="result-title"]').textContent = t('checkin_result_' + outcome.result);
    const b = outcome.badge;
    el('[data-testid="result-name"]').textContent = b
      ? [b.holder, b.organization, b.category].filter((x) => x).join(' · ') : '';
    let detail = outcome.reason ? t('checkin_reason_' + outcome.reason) : '';
    const earlier = outcome.earlier || (outcome.earlierAt ? { at: outcome.earlierAt, gate: outcome.earlierGate } : null);
    if (outcome.result === 'ALREADY_ADMITTED' && earlier) {
      detail = t('checkin_alreadyAt', earlier.gate, formatWhen(earlier.at));
    }
    el('[data-testid="result-detail"]').textContent = detail;
    el('[data-testid="result-offline"]').hidden = !offline;
    counts[outcome.result] = (counts[outcome.result] || 0) + 1;
    Object.keys(counts).forEach((r) => {
      const counter = el('[data-testid="count-' + r + '"]');
      if (counter) { counter.textContent = String(counts[r]); }
    });
    const list = el('[data-testid="last-scans"]');
    const item = document.createElement('li');
    item.dataset.result = outcome.result;
    item.textContent = new Date().toLocaleTimeString(document.documentElement.lang) + ' · '
      + t('checkin_result_' + outcome.result) + (b ? ' · ' + b.holder : '') + (offline ? ' · ' + t('checkin_page_offline') : '');
    list.prepend(item);
    while (list.children.length > 10) { list.lastElementChild.remove(); }
    tone(outcome.result);
  }

  function setConnection(online) {
    const state = el('[data-testid="connection"]');
    state.dataset.state = online ? 'online' : 'offline';
    state.textContent = online ? t('checkin_page_online') : t('checkin_page_offline');
  }

  async function showQueued() {
    el('[data-testid="count-queued"]').textContent = String((await queued()).length);
    const refused = (await setAsideScans()).length;
    el('[data-testid="count-refused"]').textContent = String(refused);
    el('.checkin-refused').hidden = refused === 0;
  }

  // ---- scanning ----

  function currentGate() {
    return device.gate || localStorage.getItem(GATE) || '';
  }

  /** IN or OUT at a gate that is both entry and exit; null elsewhere (the gate's kind decides). */
  function currentDirection() {
    const gate = bundle && bundle.gates.find((g) => g.name.toLowerCase() === currentGate().toLowerCase());
    if (!gate || gate.kind !== 'BOTH') {
      return null;
    }
    return localStorage.getItem(DIRECTION) === 'OUT' ? 'OUT' : 'IN';
  }

  function showDirection() {
    const direction = currentDirection();
    el('.checkin-direction').hidden = direction === null;
    ['IN', 'OUT'].forEach((d) => {
      el('[data-testid="direction-' + d + '"]').setAttribute('aria-pressed', String(direction === d));
    });
  }

  async function scan(code) {
    const scanId = crypto.randomUUID();
    const scannedAt = new Date();
    const gate = currentGate();
    const direction = currentDirection();
    const body = { code, gate, scanId, direction };
    let answer = null;
    try {
      const response = await api('POST', '/api/checkins', body, ONLINE_TIMEOUT_MS);
      if (response.ok) {
        answer = await response.json();
      } else if (response.status < 500) {
        const problem = await response.json().catch(() => ({}));
        show({ result: 'REJECTED', reason: null, badge: null }, false);
        el('[data-testid="result-detail"]').textContent = problem.detail || problem.title || String(response.status);
        return;
      }
    } catch (e) {
      answer = null; // network failure or timeout: decide here
    }
    if (answer) {
      setConnection(true);
      if (answer.badge) {
        await logScan({ scanId, badgeId: answer.badge.id, at: scannedAt.getTime(), gate, direction, result: answer.result });
      }
      show(answer, false);
      return;
    }
    setConnection(false);
    if (!bundle) {
      show({ result: 'REJECTED', reason: null, badge: null }, true);
      el('[data-testid="result-detail"]').textContent = t('checkin_page_noBundle');
      return;
    }
    const outcome = await decideOffline(code, gate, scannedAt, direction);
    if (outcome.badgeId !== null) {
      await logScan({ scanId, badgeId: outcome.badgeId, at: scannedAt.getTime(), gate, direction, result: outcome.result });
    }
    await enqueue({ code, gate, scanId, scannedAt: scannedAt.toISOString(), direction, offlineResult: outcome.result });
    await showQueued();
    show(outcome, true);
  }

  async function upload() {
    if (uploading || !localStorage.getItem(TOKEN)) {
      return;
    }
    uploading = true;
    try {
      const scans = (await queued()).slice(0, 500);
      if (scans.length === 0) {
        return;
      }
      const response = await api('POST', '/api/checkins/batch', { scans }, 10000);
      if (response.ok) {
        await dequeue(scans.map((s) => s.scanId));
        setConnection(true);
      } else if (response.status === 400) {
        // the whole upload was refused for the items it names: set those aside, the rest goes next time
        const problem = await response.json().catch(() => ({}));
        const bad = new Set((problem.errors || []).map((e) => /^scans\[(\d+)\]/.exec(e.field || ''))
          .filter((m) => m).map((m) => Number(m[1])));
        const refused = scans.filter((_, i) => bad.has(i));
        await setAside(refused);
        await dequeue(refused.map((s) => s.scanId));
      }
    } catch (e) {
      setConnection(false);
    } finally {
      uploading = false;
      await showQueued();
    }
  }

  async function refreshBundle() {
    if (!device) {
      return;
    }
    try {
      const response = await api('GET', '/api/exhibitions/' + device.exhibitionId + '/checkin-bundle', undefined, 10000);
      if (response.ok) {
        bundle = await response.json();
        await saveBundle(bundle);
        root.dataset.bundle = bundle.version;
        setConnection(true);
        chooseGate();
      }
    } catch (e) {
      setConnection(false);
    }
  }

  function chooseGate() {
    const box = el('.checkin-gate');
    showDirection();
    if (device.gate || !bundle) {
      box.hidden = true;
      return;
    }
    const select = el('#gate-choice');
    if (select.options.length === 0) {
      bundle.gates.forEach((g) => select.add(new Option(g.name, g.name)));
      select.value = localStorage.getItem(GATE) || bundle.gates[0].name;
      localStorage.setItem(GATE, select.value);
      select.addEventListener('change', () => {
        localStorage.setItem(GATE, select.value);
        localStorage.removeItem(DIRECTION);
        showDirection();
        // the tablets of the other gate are not this gate's: share with the new gate's from scratch
        if (peers) {
          peers.stop();
          peers = null;
          store('shared', 'readwrite', (s) => s.clear()).then(sharePeers);
        }
      });
    }
    box.hidden = false;
  }

  // ---- the other tablets of this gate (gate-peers.js) ----

  function showPeers(count) {
    el('[data-testid="peers"]').textContent = t('checkin_page_peers', count);
  }

  function sharePeers() {
    if (peers || !window.ExpodeskGatePeers || !window.RTCPeerConnection) {
      return;
    }
    peers = window.ExpodeskGatePeers.start({
      api, gate: currentGate, ownLog: scansToShare, receive: keepShared, changed: showPeers
    });
    showPeers(0);
  }

  // ---- the camera (camera.js) ----

  function toggleCamera() {
    return window.ExpodeskCamera.toggle(scan, () => {
      el('[data-testid="result-detail"]').textContent = t('checkin_page_cameraFailed');
    });
  }

  // ---- setup ----

  function signOut() {
    localStorage.removeItem(TOKEN);
    localStorage.removeItem(TOKEN + '.device');
    device = null;
    // the bundle names every holder: a revoked or signed-out tablet keeps none of it (queued scans stay)
    bundle = null;
    delete root.dataset.bundle;
    store('bundle', 'readwrite', (s) => s.clear());
    store('shared', 'readwrite', (s) => s.clear());
    if (peers) {
      peers.stop();
      peers = null;
    }
    el('[data-testid="peers"]').textContent = '';
    el('[data-testid="scanner"]').hidden = true;
    el('[data-testid="activate"]').hidden = false;
  }

  async function start() {
    const token = localStorage.getItem(TOKEN);
    if (!token) {
      signOut();
      el('#setup-code').focus();
      return;
    }
    try {
      const response = await api('GET', '/api/devices/me', undefined, 5000);
      if (response.ok) {
        device = await response.json();
        localStorage.setItem(TOKEN + '.device', JSON.stringify(device));
      }
    } catch (e) {
      // offline at start: the device as it was last seen
    }
    if (!device) {
      device = JSON.parse(localStorage.getItem(TOKEN + '.device') || 'null');
    }
    if (!device) {
      signOut();
      return;
    }
    el('[data-testid="device-name"]').textContent = device.name + (device.gate ? ' · ' + device.gate : '');
    el('[data-testid="activate"]').hidden = true;
    el('[data-testid="scanner"]').hidden = false;
    bundle = (await loadBundle()) || null;
    if (bundle && bundle.exhibitionId !== device.exhibitionId) {
      bundle = null;
    }
    chooseGate();
    await refreshBundle();
    await showQueued();
    upload();
    sharePeers();
    el('#scan-code').focus();
  }

  el('#activate-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = el('[data-testid="activate-error"]');
    error.textContent = '';
    try {
      const response = await api('POST', '/api/devices/activate', { setupCode: el('#setup-code').value });
      if (!response.ok) {
        error.textContent = t('checkin_page_activationFailed');
        return;
      }
      const activated = await response.json();
      localStorage.setItem(TOKEN, activated.token);
      localStorage.removeItem(GATE);
      localStorage.removeItem(DIRECTION);
      el('#setup-code').value = '';
      await start();
    } catch (e) {
      error.textContent = t('checkin_page_offline');
    }
  });

  el('#scan-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = el('#scan-code');
    const code = input.value.trim();
    input.value = '';
    if (code) {
      scan(code);
    }
  });

  // a hand-held scanner types into whatever has focus: keep it on the code field
  el('#scan-code').addEventListener('blur', () => setTimeout(() => {
    const active = document.activeElement;
    if (!el('[data-testid="scanner"]').hidden && (!active || active === document.body)) {
      el('#scan-code').focus();
    }
  }, 200));

  ['IN', 'OUT'].forEach((d) => el('[data-testid="direction-' + d + '"]').addEventListener('click', () => {
    localStorage.setItem(DIRECTION, d);
    showDirection();
    el('#scan-code').focus();
  }));
  el('[data-testid="resend-refused"]').addEventListener('click', () => { sendRefusedAgain(); el('#scan-code').focus(); });
  el('#camera-button').addEventListener('click', () => { toggleCamera(); el('#scan-code').focus(); });
  el('#forget-device').addEventListener('click', () => signOut());
  window.addEventListener('online', () => upload());
  // for the test that holds this port against CheckinRules
  window.expodeskCheckinRules = Object.freeze({ decide, parseCode });
  setInterval(upload, UPLOAD_EVERY_MS);
  setInterval(refreshBundle, BUNDLE_REFRESH_MS);
  start();
}());
