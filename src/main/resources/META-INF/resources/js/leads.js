// The lead scanning page (docs/leads.md): every scan is first kept in IndexedDB with its own scan id,
// then the queue is sent to /portal/leads/{exhibition}/batch; without network the scans wait there
// and go out once it is back, and the server records a scan id once however often it is sent.
(function () {
  'use strict';

  const SEND_TIMEOUT_MS = 5000;
  const SEND_EVERY_MS = 10 * 1000;

  const root = document.getElementById('leads');
  const texts = JSON.parse(root.dataset.messages || '{}');
  const exhibition = root.dataset.exhibition;
  // a phone may be handed on: scans queued by one user go out only when that user is signed in here,
  // never as another exhibitor's leads
  const owner = root.dataset.owner;
  const el = (selector) => document.querySelector(selector);
  const t = (key) => texts[key] || key;
  let sending = Promise.resolve(null);

  // ---- the queue ----

  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('expodesk-leads', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('queue', { keyPath: 'scanId' });
        // scans the server refused to take as sent (not retried, kept for whoever looks)
        request.result.createObjectStore('refused', { keyPath: 'scanId' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
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
    });
  }

  const enqueue = (scan) => store('queue', 'readwrite', (s) => s.put(scan));
  const queued = async () => ((await store('queue', 'readonly', (s) => s.getAll())) || [])
    .filter((s) => s.exhibition === exhibition && s.owner === owner);
  const dequeue = (ids) => store('queue', 'readwrite', (s) => ids.forEach((id) => s.delete(id)));
  const setAside = (scans) => store('refused', 'readwrite', (s) => scans.forEach((scan) => s.put(scan)));

  function newScanId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // ---- showing ----

  function setConnection(online) {
    const state = el('[data-testid="connection"]');
    state.dataset.state = online ? 'online' : 'offline';
    state.textContent = online ? t('leads_online') : t('leads_offline');
  }

  async function showQueued() {
    el('[data-testid="count-queued"]').textContent = String((await queued()).length);
  }

  function show(outcome, name, detail, leadId) {
    el('[data-testid="result"]').dataset.outcome = outcome;
    el('[data-testid="result-title"]').textContent = t('leads_outcome_' + outcome);
    el('[data-testid="result-name"]').textContent = name || '';
    el('[data-testid="result-detail"]').textContent = detail || '';
    const link = el('[data-testid="result-link"]');
    link.hidden = !leadId;
    if (leadId) {
      link.href = '/portal/leads/' + exhibition + '/' + leadId;
      link.textContent = t('leads_open');
    }
    const list = el('[data-testid="last-scans"]');
    const item = document.createElement('li');
    item.dataset.outcome = outcome;
    item.textContent = new Date().toLocaleTimeString(document.documentElement.lang) + ' · '
      + t('leads_outcome_' + outcome) + (name ? ' · ' + name : '');
    list.prepend(item);
    while (list.children.length > 10) { list.lastElementChild.remove(); }
  }

  function showResult(result) {
    if (result.outcome === 'REFUSED') {
      show('REFUSED', '', result.message, null);
    } else {
      show(result.outcome, [result.title, result.organization].filter((x) => x).join(' · '), '', result.lead);
    }
  }

  // ---- sending ----

  /** Sends the queue, one upload at a time; answers the results by scan id, or null when offline. */
  function send() {
    sending = sending.then(upload, upload);
    return sending;
  }

  async function upload() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SEND_TIMEOUT_MS);
    try {
      const scans = (await queued()).slice(0, 500);
      if (scans.length === 0) {
        return {};
      }
      const body = new URLSearchParams();
      body.set('_csrf', el('#scan-form input[name="_csrf"]').value);
      body.set('scans', JSON.stringify(scans.map((s) => ({ code: s.code, scanId: s.scanId, scannedAt: s.scannedAt }))));
      const response = await fetch('/portal/leads/' + exhibition + '/batch', {
        method: 'POST', body, signal: controller.signal, credentials: 'same-origin',
        headers: { 'Accept': 'application/json' }
      });
      const json = (response.headers.get('Content-Type') || '').includes('json');
      if (response.ok && json && !response.redirected) {
        const answer = await response.json();
        await dequeue(scans.map((s) => s.scanId));
        setConnection(true);
        const byId = {};
        answer.results.forEach((r) => { byId[r.scanId] = r; });
        return byId;
      }
      if (response.status === 400 && json) {
        // the upload was refused for the scans it names: set those aside, the rest goes next time
        const problem = await response.json().catch(() => ({}));
        const bad = new Set((problem.errors || []).map((e) => /^scans\[(\d+)\]/.exec(e.field || ''))
          .filter((m) => m).map((m) => Number(m[1])));
        const refused = scans.filter((_, i) => bad.has(i));
        await setAside(refused);
        await dequeue(refused.map((s) => s.scanId));
        return {};
      }
      // signed out, or the session ended: the scans stay here until someone signs in again
      show('QUEUED', '', t('leads_signedOut'), null);
      return {};
    } catch (e) {
      setConnection(false);
      return null;
    } finally {
      clearTimeout(timer);
      await showQueued();
    }
  }

  async function scan(code) {
    const scanId = newScanId();
    await enqueue({ exhibition, owner, code, scanId, scannedAt: new Date().toISOString() });
    const results = await send();
    if (results && results[scanId]) {
      showResult(results[scanId]);
    } else if (!results) {
      show('QUEUED', '', '', null);
    }
  }

  // ---- the camera (camera.js) ----

  function toggleCamera() {
    return window.ExpodeskCamera.toggle(scan, () => {
      el('[data-testid="result-detail"]').textContent = t('leads_cameraFailed');
    });
  }

  // ---- setup ----

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
    if (!active || active === document.body) {
      el('#scan-code').focus();
    }
  }, 200));

  el('#camera-button').addEventListener('click', () => { toggleCamera(); el('#scan-code').focus(); });
  window.addEventListener('online', () => send());
  setInterval(send, SEND_EVERY_MS);
  showQueued();
  send();
  el('#scan-code').focus();
  root.dataset.ready = 'true';
}());
