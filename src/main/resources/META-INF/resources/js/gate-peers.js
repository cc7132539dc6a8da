// Tablets of one gate share their scan logs (docs/checkin.md, "Tablets of a gate share their logs";
// ADR 0014). While the server answers, each open check-in page says it is there
// (PUT /api/checkin-peers/{me}) and learns the other pages of its gate; the page with the smaller id
// offers a WebRTC data channel to the other through the server's mailbox. Once open, a channel needs
// the server no more: it keeps carrying scans while the tablets reach each other on the venue's network.
(function () {
  'use strict';

  const POLL_MS = 4000;
  const GATHER_MS = 3000;
  // an offer nobody answered (the other page closed meanwhile) is dropped and made again
  const UNANSWERED_MS = 20000;
  // a data channel message stays well below the 256 KB browsers take
  const PER_MESSAGE = 500;
  // what one channel may bring in all: a lane's admissions of a whole show, with room to spare
  const MAX_RECEIVED = 200000;
  const RESULTS = ['ADMITTED', 'ALREADY_ADMITTED', 'REJECTED', 'EXITED'];

  /** A scan as another tablet sent it, if it is one: what the offline rules need of it. */
  function entryOf(value) {
    if (!value || typeof value !== 'object') {
      return null;
    }
    const { scanId, badgeId, at, gate, result } = value;
    if (typeof scanId !== 'string' || scanId.length === 0 || scanId.length > 64
      || !Number.isSafeInteger(badgeId) || badgeId < 0 || !Number.isFinite(at)
      || typeof gate !== 'string' || gate.length > 64 || !RESULTS.includes(result)) {
      return null;
    }
    return { scanId, badgeId, at, gate, result, direction: null };
  }

  /**
   * options: api(method, path, body, timeoutMs) → Response; gate() → the page's gate;
   * ownLog() → this tablet's recent scans; receive(entries) stores another tablet's scans;
   * changed(count) is told how many channels are open.
   */
  function start(options) {
    const me = crypto.randomUUID();
    const links = new Map();
    // signals dealt with: acknowledged on the next call; an offer handed out again is not answered twice
    const handled = new Map();
    let taken = [];
    let stopped = false;
    let polling = false;

    const open = () => [...links.values()].filter((l) => l.channel && l.channel.readyState === 'open');
    const changed = () => { if (!stopped) { options.changed(open().length); } };

    function drop(peer, link) {
      if (links.get(peer) === link) {
        links.delete(peer);
      }
      try { link.pc.close(); } catch (e) { /* already closed */ }
      changed();
    }

    function gathered(pc) {
      return new Promise((resolve) => {
        if (pc.iceGatheringState === 'complete') { resolve(); return; }
        const timer = setTimeout(resolve, GATHER_MS);
        pc.addEventListener('icegatheringstatechange', () => {
          if (pc.iceGatheringState === 'complete') { clearTimeout(timer); resolve(); }
        });
      });
    }

    function attach(peer, link, channel) {
      link.channel = channel;
      let received = 0;
      channel.onopen = async () => {
        changed();
        send(channel, await options.ownLog());
      };
      channel.onmessage = (event) => {
        let message = null;
        try { message = JSON.parse(event.data); } catch (e) { return; }
        if (stopped || !message || !Array.isArray(message.entries) || message.entries.length > PER_MESSAGE) {
          return;
        }
        received += message.entries.length;
        if (received > MAX_RECEIVED) {
          drop(peer, link); // not a tablet behaving as one
          return;
        }
        const entries = message.entries.map(entryOf).filter((e) => e);
        if (entries.length > 0) {
          options.receive(entries);
        }
      };
      channel.onclose = () => drop(peer, link);
    }

    function link(peer) {
      const pc = new RTCPeerConnection({ iceServers: [] });
      const made = { pc, channel: null, since: Date.now() };
      pc.addEventListener('connectionstatechange', () => {
        if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
          drop(peer, made);
        }
      });
      const earlier = links.get(peer);
      if (earlier) {
        drop(peer, earlier);
      }
      links.set(peer, made);
      return made;
    }

    async function signal(peer, kind, pc) {
      await gathered(pc);
      if (stopped) {
        pc.close();
        return;
      }
      await options.api('POST', '/api/checkin-peers/' + peer + '/signals',
        { from: me, kind, sdp: pc.localDescription.sdp }, 5000);
    }

    async function offer(peer) {
      const made = link(peer);
      attach(peer, made, made.pc.createDataChannel('scan-log'));
      await made.pc.setLocalDescription(await made.pc.createOffer());
      await signal(peer, 'OFFER', made.pc);
    }

    async function answer(peer, sdp) {
      const made = link(peer);
      made.pc.ondatachannel = (event) => attach(peer, made, event.channel);
      await made.pc.setRemoteDescription({ type: 'offer', sdp });
      await made.pc.setLocalDescription(await made.pc.createAnswer());
      await signal(peer, 'ANSWER', made.pc);
    }

    async function answered(peer, sdp) {
      const made = links.get(peer);
      if (made && made.pc.signalingState === 'have-local-offer') {
        await made.pc.setRemoteDescription({ type: 'answer', sdp });
      }
    }

    async function poll() {
      if (stopped || polling) {
        return;
      }
      polling = true;
      try {
        const gate = options.gate();
        const acknowledged = taken;
        const response = await options.api('PUT', '/api/checkin-peers/' + me, { gate, taken: acknowledged }, 3000);
        if (!response.ok || stopped) {
          return;
        }
        const presence = await response.json();
        taken = taken.filter((id) => !acknowledged.includes(id));
        for (const s of presence.signals) {
          taken.push(s.id);
          if (handled.get(s.id) === s.sdp || stopped) {
            continue;
          }
          handled.set(s.id, s.sdp);
          try {
            if (s.kind === 'OFFER') { await answer(s.from, s.sdp); }
            if (s.kind === 'ANSWER') { await answered(s.from, s.sdp); }
          } catch (e) {
            // a description this browser cannot use: the offer is made again on a later round
          }
        }
        // a connection that did not open in time is given up, whoever it was to (a page reloaded meanwhile)
        [...links.entries()].forEach(([peer, made]) => {
          const waiting = !(made.channel && made.channel.readyState === 'open');
          if (waiting && Date.now() - made.since > UNANSWERED_MS) {
            drop(peer, made);
          }
        });
        for (const peer of presence.peers) {
          if (!stopped && !links.has(peer) && me < peer) {
            offer(peer).catch(() => { /* tried again on a later round */ });
          }
        }
      } catch (e) {
        // the server cannot be reached: the channels already open carry on
      } finally {
        polling = false;
      }
    }

    const timer = setInterval(poll, POLL_MS);
    poll();

    return {
      /** Sends scans of this tablet to every tablet of the gate it is connected to. */
      share(entries) {
        open().forEach((l) => send(l.channel, entries));
      },
      stop() {
        stopped = true;
        clearInterval(timer);
        [...links.entries()].forEach(([peer, l]) => drop(peer, l));
      }
    };
  }

  function send(channel, entries) {
    for (let i = 0; i < entries.length && channel.readyState === 'open'; i += PER_MESSAGE) {
      try {
        channel.send(JSON.stringify({ entries: entries.slice(i, i + PER_MESSAGE) }));
      } catch (e) {
        return; // the channel just closed
      }
    }
  }

  window.ExpodeskGatePeers = Object.freeze({ start });
}());
