/* conceptgraph review mode: loaded only when `conceptgraph review` serves the page.
   One key per decision (a accept, x reject, e edit, space skip, u or Backspace undo,
   b bulk, ? help); the next item shows at once, and each decision is sent to the
   server, one after another, with the revision the page last saw: a decision made
   meanwhile in another tab is refused there, and the page reloads. Every string from
   the data reaches the page through textContent, never as HTML.
   The first item and its keys come first: the explorer (whose script runs after this
   one) builds the graph only once that is shown, and the graph follows the decisions
   when the keys pause. */
(() => {
  "use strict";
  const token = new URLSearchParams(location.search).get("token") || "";
  // what the page said and the order it kept before it drew itself again (after an item was added)
  const kept = (name) => { try { const v = sessionStorage.getItem("conceptgraph-review-" + name); sessionStorage.removeItem("conceptgraph-review-" + name); return v; } catch (e) { void e; return null; } };
  const keptOrder = kept("order");
  let keptNotice = kept("notice"); // said once, when the page is first drawn: what was done
  let keptWarning = kept("warning"); // and what it warns of (a new term, a slip perhaps)
  let keptFirst = kept("first"); // and the items to show first (what an undo made undecided again)
  let keptLost = kept("lost"); // and the key a change elsewhere left unsaved: which item, and what it was to do
  // the items skipped in this tab: they wait at the end of the queue, whatever order the
  // decisions teach, until everything else is decided (kept across the page's reloads)
  const SKIPPED = "conceptgraph-review-skipped";
  const skipped = new Set((() => { try { return JSON.parse(sessionStorage.getItem(SKIPPED) || "[]"); } catch (e) { void e; return []; } })());
  // the item the card showed: shown again after a reload, so that a key pressed at once acts
  // on what was last seen, not on an item the order put first meanwhile
  const SHOWN = "conceptgraph-review-shown";
  let shownBefore = (() => { try { return sessionStorage.getItem(SHOWN); } catch (e) { void e; return null; } })();
  // the order chosen in this tab holds over a reload too (the browser's, not only the page's own)
  const CHOSEN = "conceptgraph-review-chosen-order";
  const chosenOrder = (() => { try { return sessionStorage.getItem(CHOSEN); } catch (e) { void e; return null; } })();
  const firstOrder = [keptOrder, chosenOrder].find((o) => ["confidence", "message", "term"].indexOf(o) >= 0) || "confidence";
  const early = fetch("/api/state?order=" + firstOrder, { headers: { "X-Review-Token": token } });
  let buildGraph;
  window.conceptgraphGraphAfter = new Promise((resolve) => { buildGraph = resolve; });
  start(early, JSON.parse(document.getElementById("graph-data").textContent));

  function start(early, data) {
    let cg = null; // the explorer, once it has built the graph
    const $ = (id) => document.getElementById(id);
    // control and bidirectional characters shown escaped, as the page data says (as the explorer and the terminal show them)
    const ESCAPED = new RegExp("[" + Object.keys(data.escaped).join("") + "]", "g");
    const visible = (s) => String(s).replace(ESCAPED, (c) => data.escaped[c]);
    const el = (tag, text, cls) => {
      const e = document.createElement(tag);
      if (text !== undefined && text !== null) e.textContent = visible(text);
      if (cls) e.className = cls;
      return e;
    };
    const NAMES = { term: "term", attribute: "attribute", claim: "claim" };

    // ---- what the page knows of the review -------------------------------------------------
    const st = {
      items: new Map(),   // id -> item (with its status)
      queue: [],          // undecided ids, in order; queue[0] is shown
      revision: 0,
      counts: null,
      order: firstOrder,
      chain: Promise.resolve(),
      pending: 0,
      unsaved: 0,         // decisions not saved since the last that was (a server stopped under a burst)
      timings: [],        // ms from a decision's key to its save, for the benchmarks
      terms: [],
      speakers: [],
      people: [],         // [id, name] of every contributor: a stance's ends
      files: {},
    };
    const nodeIndex = new Map();
    data.nodeDetails.forEach((d, i) => nodeIndex.set(String(d.id), i));
    const edgesOf = new Map(); // claim or relation id -> its edges on the graph
    for (let j = 0; j < data.edges.source.length; j++) {
      const key = data.edgeDetails[data.edges.detail[j]].key;
      if (!edgesOf.has(key)) edgesOf.set(key, []);
      edgesOf.get(key).push(j);
    }

    // ---- the card ----------------------------------------------------------------------------
    const box = el("section", null, "review");
    box.id = "review";
    box.setAttribute("aria-label", "Review the draft");
    box.tabIndex = -1;
    const head = el("div", null, "rv-head");
    const bar = el("div", null, "rv-bar");
    const fill = el("div", null, "rv-fill");
    bar.appendChild(fill);
    bar.setAttribute("role", "progressbar");
    bar.setAttribute("aria-label", "Reviewed");
    bar.setAttribute("aria-valuemin", "0");
    const counts = el("div", null, "rv-counts");
    counts.id = "rv-counts";
    const saved = el("span", "", "rv-saved");
    saved.id = "rv-saved";
    saved.setAttribute("aria-live", "polite");
    const order = el("select");
    order.id = "rv-order";
    order.setAttribute("aria-label", "Order of the queue");
    [["confidence", "most likely first"], ["message", "by message"], ["term", "by term"]].forEach(([v, t]) => {
      const o = el("option", t);
      o.value = v;
      order.appendChild(o);
    });
    order.value = firstOrder;
    const helpButton = el("button", "?", "rv-small");
    helpButton.type = "button";
    helpButton.title = "Keys";
    helpButton.setAttribute("aria-label", "Keys");
    helpButton.setAttribute("aria-expanded", "false");
    // folded, the card is its line, the item's words and its keys: on a small window the graph
    // round the item is in sight (the message comes back with f, or with a form that needs it)
    const foldButton = el("button", "\u25BE", "rv-small");
    foldButton.type = "button";
    foldButton.id = "rv-fold";
    foldButton.title = "Fold the card (f)";
    foldButton.setAttribute("aria-label", "Fold the card");
    foldButton.setAttribute("aria-expanded", "true");
    head.appendChild(bar);
    head.appendChild(counts);
    head.appendChild(order);
    head.appendChild(foldButton);
    head.appendChild(helpButton);
    box.appendChild(head);
    box.appendChild(saved);
    const card = el("div", null, "rv-card");
    card.id = "rv-card";
    box.appendChild(card);
    const forms = el("div", null, "rv-forms");
    box.appendChild(forms);
    const help = el("div", null, "rv-help");
    help.id = "rv-help";
    help.hidden = true;
    [["a", "accept"], ["x", "reject"], ["e", "edit, then Enter (Escape: leave it)"], ["space", "skip for now (it waits at the end)"],
      ["u / Backspace", "undo the last decision (a bulk one too)"], ["b", "accept or reject many at once"],
      ["n", "add what the draft missed (select its words in the message, or in the thread, first)"],
      ["f", "fold the card to the item and its keys, the graph in sight (f again: the message)"], ["?", "these keys"]].forEach(([k, t]) => {
      const row = el("div");
      row.appendChild(el("kbd", k));
      row.appendChild(document.createTextNode(" " + t));
      help.appendChild(row);
    });
    // the explorer's switch (its legend has it too): off, no letter decides, and the card's
    // buttons take the keyboard instead
    const keysRow = el("label", null, "rv-keys-switch");
    const keysBox = el("input");
    keysBox.type = "checkbox";
    keysBox.id = "rv-single-keys";
    keysRow.appendChild(keysBox);
    keysRow.appendChild(document.createTextNode(" single-key shortcuts (off: use the buttons, Tab reaches them)"));
    const KEYS = "conceptgraph.single-keys"; // (the explorer's, which may not be built yet)
    function singleKeys() {
      if (document.body.dataset.singleKeys) return document.body.dataset.singleKeys !== "off";
      try { return localStorage.getItem(KEYS) !== "off"; } catch (e) { void e; return true; }
    }
    keysBox.checked = singleKeys();
    keysBox.addEventListener("change", () => {
      document.body.dataset.singleKeys = keysBox.checked ? "on" : "off";
      try { localStorage.setItem(KEYS, keysBox.checked ? "on" : "off"); } catch (e) { void e; }
      document.dispatchEvent(new CustomEvent("conceptgraph:single-keys", { detail: keysBox.checked }));
      render();
    });
    // turned from the legend: this box says so, and the card's buttons join the Tab order or leave it
    document.addEventListener("conceptgraph:single-keys-set", () => {
      if (keysBox.checked !== singleKeys()) { keysBox.checked = singleKeys(); render(); }
    });
    help.appendChild(keysRow);
    box.appendChild(help);
    const FOLDED = "conceptgraph.review-folded";
    function fold(folded) {
      box.classList.toggle("rv-folded", folded);
      foldButton.textContent = folded ? "\u25B8" : "\u25BE";
      foldButton.title = folded ? "Unfold the card (f)" : "Fold the card (f)";
      foldButton.setAttribute("aria-label", folded ? "Unfold the card" : "Fold the card");
      foldButton.setAttribute("aria-expanded", String(!folded));
      try { sessionStorage.setItem(FOLDED, folded ? "1" : ""); } catch (e) { void e; }
    }
    foldButton.addEventListener("click", () => fold(!box.classList.contains("rv-folded")));
    try { if (sessionStorage.getItem(FOLDED)) fold(true); } catch (e) { void e; }
    function toggleHelp(open) {
      help.hidden = !open;
      helpButton.setAttribute("aria-expanded", String(open));
      keysBox.checked = singleKeys();
    }
    $("stage").appendChild(box);
    document.body.classList.add("reviewing");

    // ---- talking to the server -----------------------------------------------------------------
    function request(path, body) {
      const init = { headers: { "X-Review-Token": token } };
      if (body !== undefined) {
        init.method = "POST";
        init.headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(body);
      }
      return fetch(path, init).catch(() => {
        // no answer at all ("Failed to fetch"): the command was stopped, or the machine is asleep
        throw new Error("the review server does not answer (was `conceptgraph review` stopped? start it again, "
          + "and open the new address it prints)");
      }).then((r) => r.json().then((v) => {
        if (r.status === 409) { conflict(v.error); throw new Error(v.error); }
        if (!r.ok) throw new Error(v.error || r.statusText);
        return v;
      }));
    }
    function conflict(message, noKey) {
      saved.textContent = "Changed elsewhere (" + message + "): reloading…";
      saved.className = "rv-saved rv-error";
      // the key not saved: once the page is drawn anew, said with what became of its item
      if (!noKey && st.lastKey) {
        try { sessionStorage.setItem("conceptgraph-review-lost", JSON.stringify(st.lastKey)); } catch (e) { void e; }
      }
      // said again, as a warning, once the page is drawn with what was decided elsewhere
      reload("", "Decided elsewhere meanwhile (in a terminal or another tab): the page now shows those decisions", 600);
    }
    /** What became of the item of a key a change elsewhere left unsaved: decided there (how),
        or undecided still (shown first, to decide again), or gone. */
    function lostKey(lost) {
      const it = st.items.get(lost.id);
      const said = "your last key (" + lost.decision.replace(/ed$/, "") + " “" + visible(lost.text) + "”) was not saved: ";
      if (!it) return said + "the item is no longer in the review";
      if (it.status !== null) return said + "it was " + it.status + " elsewhere meanwhile";
      putFirst([it.id]);
      return said + "it is still undecided, shown first: decide it again";
    }
    /** Load the page again, in the order it had, saying ``notice`` (and ``warning``) once it is drawn. */
    function reload(notice, warning, after, first) {
      st.reloading = true;
      try {
        sessionStorage.setItem("conceptgraph-review-order", st.order);
        if (notice) sessionStorage.setItem("conceptgraph-review-notice", notice);
        if (warning) sessionStorage.setItem("conceptgraph-review-warning", warning);
        if (first && first.length) sessionStorage.setItem("conceptgraph-review-first", JSON.stringify(first));
      } catch (e) { void e; }
      setTimeout(() => location.reload(), after);
    }
    /** Send writes one after another, each with the revision the last one returned;
        with keepShown, the item on the card stays there whatever the answer says of it. */
    function send(path, body, done, failed, keepShown) {
      st.pending++;
      showSaving();
      st.chain = st.chain.then(() => {
        if (st.reloading) return null;
        return request(path, Object.assign({ base: st.revision }, body)).then((res) => {
          st.revision = res.revision;
          st.counts = res.counts;
          apply(res.changed, keepShown);
          if (done) done(res);
          warn(res.warning ? "" : res.note, res.warning); // (the server's warning says the note too)
        }).catch((e) => { if (!st.reloading && failed) failed(e); });
      }).finally(() => {
        st.pending--;
        showSaving();
        showCounts();
        if (!st.pending) askNext();
      });
      return st.chain;
    }
    /** Said to a screen reader (the page's live region): what a key did, and what the card shows now. */
    function say(text) {
      const live = document.getElementById("announce");
      if (live) live.textContent = visible(text); // (the data's control characters shown escaped, as on the card)
    }
    /** The item on the card, in words. */
    function onCard() {
      const it = current();
      return it ? (NAMES[it.kind] || it.kind.replace(/_/g, " ")) + ": " + it.text : "nothing left to review";
    }
    /** After a button decided, the keyboard on the new item (its words read), not lost to the page. */
    function toCard() {
      const title = card.querySelector(".rv-text") || card;
      title.tabIndex = -1;
      title.focus({ preventScroll: true });
    }
    /** A line above the card: what was done, calmly (green), then what it warns of (red). */
    function warn(done, warning) {
      if (done || warning) say([done, warning].filter(Boolean).join("; ") + ". Now: " + onCard());
      const line = $("rv-warning");
      while (line.firstChild) line.removeChild(line.firstChild);
      if (done) line.appendChild(el("span", done, "rv-calm"));
      if (done && warning) line.appendChild(document.createTextNode("; "));
      if (warning) line.appendChild(el("span", warning, "rv-warns"));
      line.hidden = !done && !warning;
    }
    function showSaving() {
      if (st.reloading) return;
      box.setAttribute("data-pending", String(st.pending));
      if (st.error) { // shown until the next key: a save after it must not hide it
        saved.className = "rv-saved rv-error";
        saved.textContent = "Not saved" + (st.unsaved > 1 ? " (" + st.unsaved + " decisions)" : "") + ": " + st.error
          + (st.pending ? " · saving…" : "");
        return;
      }
      saved.className = "rv-saved";
      saved.textContent = st.pending ? "saving…" : "saved in " + (st.files.decisions || "decisions.yaml");
    }

    // ---- the queue --------------------------------------------------------------------------------
    /** New statuses from the server: the queue follows at once, the graph when idle. With
        keepShown the card keeps its item even if the answer decided it (an attribute accepted
        with the claim before it): the card never changes under a key about to be pressed. */
    function apply(changed, keepShown) {
      const back = [];
      Object.keys(changed).forEach((id) => {
        const it = st.items.get(id);
        if (!it) return;
        if (changed[id] === null && it.status !== null) back.push(id); // back from an undo: shown next
        it.status = changed[id];
        graph.dirty.add(it);
      });
      const shown = keepShown && !back.length ? st.queue[0] : undefined;
      const kept = st.queue.filter((id) => id === shown || (st.items.get(id).status === null && back.indexOf(id) < 0));
      st.queue = back.concat(kept);
      if (shown !== undefined && shown in changed) render(); // the card says what became of its item
      later();
    }
    /** What the decisions so far teach about what comes next: asked for once the saves are
        done and the keys pause, so that no decision waits for it. */
    const NEXT_PAUSE = 250; // ms
    let nextTimer = 0;
    function askNext() {
      clearTimeout(nextTimer);
      if (st.order !== "confidence") return;
      nextTimer = setTimeout(() => {
        if (st.pending || st.reloading) return; // asked again once those are saved
        request("/api/next?order=" + encodeURIComponent(st.order)).then((res) => {
          if (res.revision === st.revision && !st.pending && st.order === res.order) mergeNext(res.next);
        }).catch(() => {}); // only an order: the queue as it stands serves meanwhile
      }, NEXT_PAUSE);
    }
    function mergeNext(next) {
      if (st.order !== "confidence") return;
      const current = st.queue[0];
      const head = next.filter((id) => st.items.has(id) && st.items.get(id).status === null && id !== current);
      const inHead = new Set(head);
      st.queue = (current !== undefined ? [current] : []).concat(lastSkipped(head.concat(st.queue.filter((id) => id !== current && !inHead.has(id)))));
    }
    function keepSkipped() {
      try { sessionStorage.setItem(SKIPPED, JSON.stringify(Array.from(skipped))); } catch (e) { void e; }
    }
    /** ``ids`` with the skipped ones moved to the end, in the order they were skipped. */
    function lastSkipped(ids) {
      const waiting = new Set(ids.filter((id) => skipped.has(id)));
      return ids.filter((id) => !waiting.has(id)).concat(Array.from(skipped).filter((id) => waiting.has(id)));
    }
    function current() { return st.queue.length ? st.items.get(st.queue[0]) : null; }
    /** The undecided ones of ``ids`` shown first, in their order, before the rest of the queue. */
    function putFirst(ids) {
      const first = ids.map(String).filter((id) => st.queue.indexOf(id) >= 0);
      st.queue = first.concat(st.queue.filter((id) => first.indexOf(id) < 0));
    }

    // ---- the graph follows, when the keys pause ----------------------------------------------
    // Restyling or moving a big graph takes a tenth of a second or more: never on a
    // decision's path. What changed is gathered, and drawn once the keys pause.
    const graph = { dirty: new Set(), timer: 0, placed: null };
    const PAUSE = 600; // ms without a key before the graph follows
    function later() {
      clearTimeout(graph.timer);
      graph.timer = setTimeout(() => {
        if (!cg) return; // not built yet: it follows once it is
        if (st.pending) { later(); return; }
        const nodeUpdates = [], edgeUpdates = [];
        graph.dirty.forEach((it) => drawOnGraph(it, nodeUpdates, edgeUpdates));
        graph.dirty.clear();
        if (nodeUpdates.length) cg.nodes.update(nodeUpdates);
        if (edgeUpdates.length) cg.edges.update(edgeUpdates);
        if (nodeUpdates.length || edgeUpdates.length) {
          recount();
          cg.refresh(cg.state.note, true); // the status line counts what is shown now (the decision is what is said)
          // and the thread's marks: what was rejected is no longer evidence, what was accepted no draft
          const byDetail = new Map();
          edgeStand.forEach((stand, j) => byDetail.set(cg.data.edges.detail[j], stand));
          cg.standBy((d) => byDetail.get(d));
        }
        const it = current();
        if (it && it !== graph.placed) place(it);
        else if (!it) cg.spotlight(null); // all decided: the whole graph again
        graph.placed = it;
      }, PAUSE);
    }
    /** The two ends an edit gives a relation (source, target) or a claim (term, attribute),
        by name; undefined when it changes neither. */
    function endsOf(it, edit) {
      const [a, b] = it.kind === "claim" ? ["term", "attribute"] : ["source", "target"];
      return edit[a] || edit[b] ? [edit[a] || it.edit[a], edit[b] || it.edit[b]] : undefined;
    }
    /** The node a relation's or claim's end names, of the same kind as node ``like``: a person by id, a
        term or attribute by id or label; undefined when the graph has none. */
    function nodeNamed(name, like) {
      const i = nodeIndex.get(String(name));
      if (i !== undefined && data.nodes.kind[i] === data.nodes.kind[like]) return i;
      const want = cg.normalise(name); // as the server matches labels: case and punctuation aside
      const found = data.nodes.label.findIndex((label, n) => data.nodes.kind[n] === data.nodes.kind[like] &&
        cg.normalise(label) === want);
      return found >= 0 ? found : undefined;
    }
    // where each decided node and link stands: "kept" or "gone"; the legend counts them
    const nodeStand = new Map(), edgeStand = new Map();
    /** The legend's counts as the decisions have them: what is rejected is no longer
        counted, what is accepted no longer counted as drafted. */
    function recount() {
      const counts = (kinds, n, kindOf, draft, stand) => {
        const out = kinds.map(() => [0, 0]);
        for (let i = 0; i < n; i++) {
          const now = stand.get(i);
          if (now === "gone") continue;
          out[kindOf[i]][0]++;
          if (draft[i] && now !== "kept") out[kindOf[i]][1]++;
        }
        return out;
      };
      cg.setCounts(counts(data.nodeKinds, data.nodes.kind.length, data.nodes.kind, data.nodes.draft, nodeStand),
        counts(data.edgeKinds, data.edges.kind.length, data.edges.kind, data.edges.draft, edgeStand));
    }
    const draftedNames = new Map(); // node -> its search names as drafted, while an edit renames it
    const draftedKind = new Map(); // link -> its kind as drafted, while an edit gives it another
    /** The legend's line of links of ``kind`` (asserted), or -1 when the graph has none. */
    function kindIndex(kind) { return data.edgeKinds.findIndex((k) => k.kind === kind); }
    /** Accepted items look curated on the graph; rejected ones leave it. */
    function drawOnGraph(it, nodeUpdates, edgeUpdates) {
      const gone = it.status === "rejected" || it.status === "removed";
      const kept = it.status === "accepted" || it.status === "edited";
      const stand = gone ? "gone" : kept ? "kept" : undefined;
      // a relation or claim whose ends were edited joins its new ends, where the graph has them (a claim's
      // person stays: only a node of the end's own kind is looked for); an undo brings the drafted ones back
      const edited = it.status === "edited" && it.edit_made ? it.edit_made : {};
      const moved = endsOf(it, edited);
      (it.edge ? (edgesOf.get(it.edge) || []) : []).forEach((j) => {
        const [s, t] = [data.edges.source[j], data.edges.target[j]];
        // a link edited into another kind (a dispute into an agreement) takes that kind's colour and
        // legend line; an undo gives it back its drafted one
        if (!draftedKind.has(j)) draftedKind.set(j, data.edges.kind[j]);
        const k = edited.kind ? kindIndex(edited.kind) : -1;
        data.edges.kind[j] = k >= 0 ? k : draftedKind.get(j);
        const from = moved ? nodeNamed(moved[0], s) : undefined, to = moved ? nodeNamed(moved[1], t) : undefined;
        if (stand) edgeStand.set(j, stand); else edgeStand.delete(j);
        edgeUpdates.push(Object.assign({ id: j, hidden: gone, from: from !== undefined ? from : s,
          to: to !== undefined ? to : t }, cg.edgeLook(j, !kept)));
      });
      if (it.kind === "term" || it.kind === "attribute") {
        const i = nodeIndex.get(String(it.nodes[0]));
        if (i !== undefined) {
          // an edited label shows as edited; an undo brings the drafted one back
          const label = typeof edited.label === "string" ? edited.label : data.nodes.label[i];
          if (stand) nodeStand.set(i, stand); else nodeStand.delete(i);
          // search finds an edited one by its new label, and still by the drafted one (which becomes an alias)
          if (!draftedNames.has(i)) draftedNames.set(i, data.names[i]);
          // and a rejected one not at all: it has left the graph (an undo brings its names back)
          data.names[i] = gone ? [] : label === data.nodes.label[i] ? draftedNames.get(i)
            : [cg.nameKeys(label), ...draftedNames.get(i)];
          nodeUpdates.push(Object.assign({ id: i, hidden: gone, label: cg.canvasLabel(label) }, cg.nodeLook(i, !kept)));
        }
      }
    }

    // ---- showing the current item ----------------------------------------------------------------
    /** Decisions on their way to the server: counted at once, on top of its last counts. */
    const inflight = new Set();
    function showCounts() {
      if (!st.counts) return;
      const c = Object.assign({}, st.counts);
      inflight.forEach((decision) => {
        c.reviewed++;
        c.left--;
        if (decision.rejected) c.rejected++; else c.accepted++;
      });
      fill.style.width = (c.total ? (100 * c.reviewed / c.total) : 100).toFixed(1) + "%";
      bar.setAttribute("aria-valuemax", String(c.total));
      bar.setAttribute("aria-valuenow", String(c.reviewed));
      bar.setAttribute("aria-valuetext", c.reviewed + " of " + c.total + " reviewed");
      counts.textContent = "reviewed " + c.reviewed + " of " + c.total + " · accepted " + c.accepted +
        " · rejected " + c.rejected + " · left " + c.left +
        (c.removed ? " · gone with a rejection or edit " + c.removed : "");
      box.setAttribute("data-left", String(c.left));
    }
    /** [offset, quote] for each quote: where it stood in the message's words when the
     * import knows (one whole number each), else all at the start. */
    function quotesAt(quotes, at, size) {
      const known = Array.isArray(at) && at.length === quotes.length && at.every((x) => /^\d+$/.test(String(x)));
      return quotes.map((q, k) => [known ? Math.min(Number(at[k]), size) : 0, String(q)]);
    }
    function quoted(it) {
      const wrap = el("div", null, "rv-message");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "The message, its words marked");
      const i = it.message !== undefined ? nodeIndex.get(String(it.message)) : undefined;
      // (a mail's lines, broken at a width, read as its writer typed them, as in the thread)
      // (the explorer's script, which says how, runs before any card: as written if it had not)
      const unwrap = window.conceptgraphUnwrapped || ((t) => t);
      const text = i !== undefined ? unwrap(data.nodeDetails[i].text || "") : (it.quote || "");
      const span = it.span || [0, 0];
      // a stance under a quote of another ("Agreed."): what it answers, set apart in its words
      // where it stood (when the import knows), else above them
      const quotes = i !== undefined && (it.kind === "agrees_with" || it.kind === "disputes") ? data.nodeDetails[i].quotes : null;
      const placed = Array.isArray(quotes) ? quotesAt(quotes, data.nodeDetails[i].quoted_at, text.length) : [];
      let from = 0;
      let mark = null;
      const upTo = (to) => { // the words from `from` to `to`, those the item quotes marked
        const a = Math.max(from, Math.min(span[0], to));
        const b = Math.max(a, Math.min(span[1], to));
        wrap.appendChild(document.createTextNode(visible(text.slice(from, a))));
        if (b > a) {
          const m = el("mark", text.slice(a, b), "rv-quote");
          wrap.appendChild(m);
          mark = mark || m;
        }
        wrap.appendChild(document.createTextNode(visible(text.slice(b, to))));
        from = to;
      };
      placed.forEach(([at, q]) => {
        upTo(Math.max(at, from));
        wrap.appendChild(el("blockquote", q, "msg-quote"));
      });
      upTo(text.length);
      if (!mark) {
        mark = el("mark", "", "rv-quote");
        wrap.appendChild(mark);
      }
      return [wrap, mark];
    }
    function render() {
      while (card.firstChild) card.removeChild(card.firstChild);
      const it = current();
      showCounts();
      if (!it) {
        card.appendChild(el("p", "Nothing left to review. The accepted items are in " +
          (st.files.reviewed || "reviewed.yaml") + ".", "rv-done"));
        card.setAttribute("data-item", "");
        return;
      }
      card.setAttribute("data-item", it.id);
      try { sessionStorage.setItem(SHOWN, it.id); } catch (e) { void e; }
      const top = el("div", null, "rv-top");
      top.appendChild(el("span", NAMES[it.kind] || it.kind.replace(/_/g, " "), "rv-kind"));
      if (it.confidence !== null && it.confidence !== undefined) {
        top.appendChild(el("span", "confidence " + Number(it.confidence).toFixed(2), "rv-conf"));
      }
      top.appendChild(el("span", it.id, "rv-id"));
      card.appendChild(top);
      if (it.status === "removed") { // gone with the last decision, while shown: said, and a key goes on
        card.appendChild(el("p", "Gone with the last decision (nothing uses it now): nothing to decide here; "
          + "a, x, e or space goes on.", "rv-gone"));
      } else if (it.status !== null) { // decided with the last one (an attribute with its claim): a key makes it its own
        card.appendChild(el("p", "Already " + it.status + " with the last decision: a or x records a decision of its own; "
          + "space goes on.", "rv-gone"));
      }
      // the item is the card's heading: a screen reader's heading keys find it, and read it first
      const title = el("h2", null, "rv-text");
      title.appendChild(el("span", (NAMES[it.kind] || it.kind.replace(/_/g, " ")) + ": ", "sr-only"));
      title.appendChild(el("span", it.text)); // (as every text of the data: its controls shown escaped)
      card.appendChild(title);
      if (it.speaker) {
        card.appendChild(el("div", (it.first ? "first said by " : "— ") + [it.speaker, it.where].filter(Boolean).join(", ")
          + (it.edited ? " (edited" + (it.edited === "yes" ? "" : " " + it.edited) + ")" : "")
          + (it.replies_to ? ", replying to " + it.replies_to : ""), "rv-who"));
      }
      if (it.about) { // an agreement or dispute: with what (e changes it)
        card.appendChild(el("div", "about: " + (it.about.length ? it.about.join("; ")
          : "everything " + (st.people.find(([id]) => id === it.edit.target) || [null, it.edit.target])[1] + " said"), "rv-who"));
      }
      if (it.answers) { // what "Yes" or "Fine." answers: its target's words, to judge it by
        const answers = el("div", null, "rv-answers");
        answers.appendChild(el("div", "answering " + it.answers.who + ", " + it.answers.where + ":", "rv-who"));
        answers.appendChild(el("blockquote", it.answers.words, "msg-quote"));
        card.appendChild(answers);
      }
      // why the draft proposes it: its rule, whose record on the development threads its confidence is
      if (it.why) card.appendChild(el("div", "drafted from " + it.why, "rv-why"));
      if (it.message !== undefined) {
        const [wrap, mark] = quoted(it);
        card.appendChild(wrap);
        mark.scrollIntoView({ block: "nearest" });
      }
      // the keys, as buttons too: a phone or a mouse decides by them (they never take the keyboard)
      const keys = el("div", null, "rv-keys");
      [["a", "accept", () => decide("accepted")], ["x", "reject", () => decide("rejected")], ["e", "edit", openEdit],
        ["space", "skip", skip], ["u", "undo", undo], ["b", "bulk", openBulk], ["n", "add", openAdd],
        ["?", "keys", () => toggleHelp(help.hidden)]].forEach(([key, what, act]) => {
        const b = el("button", null, "rv-key");
        b.type = "button";
        b.tabIndex = singleKeys() ? -1 : 0; // with the keys off, the buttons are how a keyboard decides
        b.setAttribute("data-key", key);
        b.appendChild(el("kbd", key));
        b.appendChild(document.createTextNode(" " + what));
        if (singleKeys()) b.addEventListener("mousedown", (ev) => ev.preventDefault()); // the keyboard stays where it was
        b.addEventListener("click", () => act());
        keys.appendChild(b);
      });
      card.appendChild(keys);
      // the button that decided went with the old card: with the letters off, the keyboard goes on at the new item
      if (!singleKeys() && (!document.activeElement || document.activeElement === document.body)) toCard();
      later();
    }
    /** Select the item's nodes and links on the graph, and bring them into view. */
    function place(it) {
      const ids = (it.nodes || []).map((n) => nodeIndex.get(String(n))).filter((i) => i !== undefined);
      const edges = it.edge ? (edgesOf.get(it.edge) || []) : [];
      try {
        cg.network.setSelection({ nodes: ids, edges }, { unselectAll: true, highlightEdges: false });
        cg.spotlight({ nodes: new Set(ids), edges: new Set(edges) });
        if (ids.length) inSight(ids);
      } catch (e) { // a node the current view hides (a filter): the card still shows it
        void e;
      }
    }
    /** Screen pixels kept between an item's nodes (with their labels) and the edge of the part in sight. */
    const MARGIN = 18;
    /** Bring nodes ``ids`` into the part of the graph the card leaves free (above it, or
     * beside it, whichever is larger): zoomed out as far as they all need to fit there,
     * and never in further than the zoom already is (or one where labels can be read; 0.5
     * on a big graph). Nodes already there, with room for their labels, leave the camera
     * where the reviewer put it, and at the same zoom it moves only as far as brings them
     * in: a view that jumped at every key would lose them. */
    function inSight(ids) {
      const stage = $("stage").getBoundingClientRect(), card = box.getBoundingClientRect();
      const free = { left: stage.left, top: stage.top, right: stage.right, bottom: stage.bottom };
      if (card.left < stage.right && card.right > stage.left && card.top < stage.bottom && card.bottom > stage.top) {
        const above = (card.top - stage.top) * stage.width, right = (stage.right - card.right) * stage.height;
        const left = (card.left - stage.left) * stage.height;
        if (above >= right && above >= left) free.bottom = card.top;
        else if (right >= left) free.left = card.right;
        else free.right = card.left;
      }
      const shift = cg.shiftInto(ids, free, MARGIN, MARGIN);
      if (!shift.dx && !shift.dy) return;
      const bs = ids.map(cg.boxOf); // (with their labels, in graph units)
      const left = Math.min(...bs.map((b) => b.left)), right = Math.max(...bs.map((b) => b.right));
      const top = Math.min(...bs.map((b) => b.top)), bottom = Math.max(...bs.map((b) => b.bottom));
      const w = Math.max(free.right - free.left - 2 * MARGIN, 40), h = Math.max(free.bottom - free.top - 2 * MARGIN, 40);
      const now = cg.network.getScale();
      const s = Math.min(Math.max(now, data.big ? 0.5 : cg.readableScale()), w / Math.max(right - left, 1),
        h / Math.max(bottom - top, 1));
      if (s === now) { // they fit at this zoom: the least move that brings them all in
        cg.moveBy(shift, false);
        return;
      }
      // the view's position is the graph point at the stage's middle: shifted so that the
      // nodes' middle sits at the free part's middle
      const dx = (free.left + free.right - stage.left - stage.right) / 2, dy = (free.top + free.bottom - stage.top - stage.bottom) / 2;
      const cx = (left + right) / 2, cy = (top + bottom) / 2;
      cg.network.moveTo({ position: { x: cx - dx / s, y: cy - dy / s }, scale: s, animation: false });
    }

    // ---- decisions ------------------------------------------------------------------------------------
    function decide(decision, edit, at) {
      const it = current();
      if (!it || st.reloading) return;
      if (it.status === "removed") { skip(); return; } // gone meanwhile: nothing to decide
      const t0 = at || performance.now(); // the key's own time: waiting for the page counts too
      st.error = "";
      st.queue.shift();
      if (skipped.delete(it.id)) keepSkipped(); // (an undo brings it back as any other)
      it.status = decision;
      st.lastKey = { id: it.id, decision, text: it.text }; // what a change elsewhere would leave unsaved
      if (decision === "edited" && edit) it.edit_made = edit; // as the server sends an edited item's edit
      graph.dirty.add(it);
      const mark = { rejected: decision === "rejected" };
      inflight.add(mark);
      render();
      say(decision + " " + (NAMES[it.kind] || it.kind.replace(/_/g, " ")) + ": " + it.text + ". Next: " + onCard());
      send("/api/decide", { ids: [it.id], decision, edit: edit || null }, (res) => {
        inflight.delete(mark);
        st.unsaved = 0;
        st.timings.push(performance.now() - t0);
        // renamed to another's name: the two nodes are one, drawn again from the files
        if (res.merged) { // (with what went with it: the relations between the two, rejected)
          const why = "Merged into " + visible(res.merged);
          reloadFor(why, res.warning);
        } else if (res.redraw || (edit && edit.kind && kindIndex(edit.kind) < 0)) {
          // a new term or attribute, or a link of a kind the graph has none of: a node or a
          // legend line the page has not got
          reloadFor("Edited", res.warning);
        }
      }, (e) => {
        // not saved: the item is undecided again and shown first, to be decided again
        inflight.delete(mark);
        st.unsaved++;
        apply({ [it.id]: null });
        fail(e);
      }, true);
    }
    function fail(e) {
      st.error = e.message;
      showSaving();
      render();
    }
    function skip() {
      const it = current();
      if (it && it.status !== null) st.queue.shift(); // decided meanwhile: it leaves the queue for good
      else if (st.queue.length > 1) {
        st.queue.push(st.queue.shift());
        skipped.delete(it.id); // (skipped again: the last of them)
        skipped.add(it.id);
        keepSkipped();
      }
      render();
      // the line says what the last key did: not the decision before it, which it no longer follows
      if (it && it.status === null && st.queue.length > 1) warn("Skipped: " + visible(it.text) + " waits at the end");
      else say("skipped. Now: " + onCard());
    }
    function undo() {
      if (st.reloading) return;
      st.error = "";
      send("/api/undo", {}, (res) => {
        // an earlier decision that stands again may be an edit the page no longer holds: read it
        if (res.unmerged) { reloadFor("Merge taken back"); return; } // two nodes again, drawn from the files
        if (res.redraw) { // what the edit made is gone from the files: drawn again, the item it was on first
          reloadFor(undoneNote("Edit taken back", res.undone.length), undefined, res.undone);
          return;
        }
        if (res.restored) { st.chain = st.chain.then(() => load()); return; }
        if (res.gone) { reloadFor("Addition taken back"); return; } // the graph is drawn again without it
        const n = res.undone.length;
        // and what was decided with it (a claim's term and attribute accepted with it, an attribute
        // gone with its rejection): the counts move by those too
        const along = Math.max(Object.keys(res.changed || {}).filter((id) => res.changed[id] === null).length - n, 0);
        res.note = undoneNote("Undone", n) + (along ? " (and " + along + " more with " + (n === 1 ? "it" : "them") + ")" : "");
        putFirst(res.undone); // what the undone action decided comes first, before what came back with it
        render();
        say(res.note + ". Now: " + onCard());
      }, fail);
    }

    // ---- the edit form --------------------------------------------------------------------------------
    let form = null;
    function closeForm() {
      if (form) { form.remove(); form = null; }
      box.focus();
    }
    /** A button that leaves a form as Escape does: a phone has no Escape key. */
    function leaveButton(busy) {
      const b = el("button", "Leave it", "rv-leave");
      b.type = "button";
      b.addEventListener("click", () => { if (!busy || !busy()) closeForm(); });
      return b;
    }
    function field(label, input) {
      const l = el("label", null, "rv-field");
      l.appendChild(el("span", label));
      l.appendChild(input);
      return l;
    }
    function textInput(value, list) {
      const i = el("input");
      i.type = "text";
      i.value = value;
      i.spellcheck = false;
      if (list) i.setAttribute("list", list);
      return i;
    }
    function confidenceInput(name) {
      const i = el("input");
      i.type = "number";
      i.min = "0"; i.max = "1"; i.step = "0.05";
      i.name = name;
      return i;
    }
    function openEdit() {
      const it = current();
      if (!it) return;
      if (it.status === "removed") { skip(); return; } // gone meanwhile: nothing to edit
      fold(false); // (an edit is made against the message)
      closeForm();
      form = el("form", null, "rv-form");
      form.id = "rv-edit";
      form.appendChild(el("h4", "Edit, then Enter to accept it so (Escape: leave it)"));
      const read = [];
      if (it.kind === "claim") {
        const term = textInput(it.edit.term, "rv-terms"), attr = textInput(it.edit.attribute);
        const neg = el("input");
        neg.type = "checkbox";
        neg.checked = it.edit.negated;
        term.name = "term";
        attr.name = "attribute";
        neg.name = "negated";
        form.appendChild(field("term", term));
        form.appendChild(field("attribute", attr));
        form.appendChild(field("denied (the speaker says it is not so)", neg));
        read.push(() => ({ term: term.value, attribute: attr.value, negated: neg.checked }));
      } else if (it.edit.kinds) {
        // its ends: a person picked from the thread's, a term or attribute by its label
        const end = (name, value) => {
          let input;
          if (it.edit.ends === "contributor") {
            input = el("select");
            st.people.forEach(([id, who]) => { const o = el("option", who === id ? who : who + " (" + id + ")"); o.value = id; input.appendChild(o); });
            input.value = value;
          } else {
            input = textInput(value, it.edit.ends === "term" ? "rv-terms" : null);
          }
          input.name = name;
          return input;
        };
        const source = end("source", it.edit.source), target = end("target", it.edit.target);
        // an agreement or dispute is its speaker's: whom it is towards is edited, never who said it
        const stance = it.edit.ends === "contributor";
        if (stance) source.disabled = true;
        // an agreement or dispute: what it is about, among its target's claims
        const about = stance ? aboutSelect(target, true, () => String(it.message)) : null;
        const sel = el("select");
        sel.name = "kind";
        it.edit.kinds.forEach((k) => { const o = el("option", k.replace(/_/g, " ")); o.value = k; sel.appendChild(o); });
        sel.value = it.edit.kind;
        form.appendChild(field("from", source));
        form.appendChild(field("relation", sel));
        form.appendChild(field("to", target));
        if (about) form.appendChild(field("about", about));
        const swap = el("button", "swap ends");
        swap.type = "button";
        swap.name = "swap";
        swap.addEventListener("click", () => { const v = source.value; source.value = target.value; target.value = v; });
        if (!stance) form.appendChild(swap);
        read.push(() => Object.assign({ kind: sel.value, target: target.value }, stance ? {} : { source: source.value },
          about && about.chosen() !== undefined ? { about: about.chosen() } : {}));
      } else {
        // a term's label, gloss and other names (between commas); an attribute's label and description
        const inputs = {};
        [["label", "label"], ["gloss", "gloss (what it means)"], ["aliases", "also written (between commas)"],
          ["description", "description"]].forEach(([k, said]) => {
          if (typeof it.edit[k] !== "string") return;
          const input = textInput(it.edit[k]);
          input.name = k;
          form.appendChild(field(said, input));
          inputs[k] = input;
        });
        read.push(() => Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value])));
      }
      if (typeof it.edit.quote === "string") {
        // the words of its message it rests on: others of the same message, copied (the server finds them there)
        const words = textInput(it.edit.quote);
        words.name = "quote";
        form.appendChild(field("its words (others of its message, copied)", words));
        read.push(() => ({ quote: words.value }));
      }
      const ok = el("button", "Accept as edited");
      ok.type = "submit";
      form.appendChild(ok);
      form.appendChild(leaveButton());
      form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const now = Object.assign({}, ...read.map((f) => f())), edit = {};
        Object.keys(now).forEach((k) => { if (now[k] !== it.edit[k]) edit[k] = now[k]; });
        closeForm();
        decide(Object.keys(edit).length ? "edited" : "accepted", edit);
      });
      form.addEventListener("keydown", (ev) => {
        if (ev.key === "Escape") { ev.preventDefault(); closeForm(); }
        // Enter on a list (a relation's ends, a stance's target) accepts the edit, as on a text field
        else if (ev.key === "Enter" && ev.target.tagName === "SELECT") { ev.preventDefault(); ev.currentTarget.requestSubmit(); }
      });
      forms.appendChild(form);
      const first = form.querySelector("input:not(:disabled), select:not(:disabled)");
      if (first) { first.focus(); if (first.select) first.select(); }
    }

    // ---- adding what the draft missed --------------------------------------------------------------
    /** The thread's messages, in order: [id, "place — speaker"]. */
    function messages() {
      const out = [];
      data.nodeDetails.forEach((d, i) => {
        if (data.nodeKinds[data.nodes.kind[i]].kind !== "message") return;
        const by = nodeIndex.get(String(d.by));
        out.push([String(d.id), [data.nodes.label[i], by !== undefined ? data.nodes.label[by] : d.by].filter(Boolean).join(" — ")]);
      });
      return out;
    }
    /** The words selected in the card's message or in a message of the thread, if any:
        what the new item quotes, which message, and where in it they begin (the server
        takes that place if they occur twice). */
    function selected() {
      const none = { text: "", at: null, message: null };
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) return none;
      const range = sel.getRangeAt(0), it = current();
      let wrap = card.querySelector(".rv-message"), message = it && it.message !== undefined ? String(it.message) : null;
      if (!wrap || !wrap.contains(range.startContainer)) { // the thread's panel: its message's words
        const start = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
        const li = start && start.closest("#messages > li");
        wrap = li ? li.querySelector(".msg-text") : null;
        if (!wrap || !wrap.contains(range.startContainer)) return none;
        message = String(data.nodeDetails[Number(li.id.slice("message-".length))].id);
      }
      const first = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
      if (first && first.closest(".msg-quote")) return none; // another's words, which it quotes: none of its own
      const before = document.createRange();
      before.setStart(wrap, 0);
      before.setEnd(range.startContainer, range.startOffset);
      let quoted = 0; // the quotes set among its words are no part of them
      wrap.querySelectorAll(".msg-quote").forEach((q) => { if (before.intersectsNode(q)) quoted += q.textContent.length; });
      const text = sel.toString();
      return { text: text.trim(), at: before.toString().length - quoted + (text.length - text.trimStart().length), message };
    }
    function reloadFor(why, warning, first) {
      saved.textContent = why + ": drawing the graph again…";
      reload(why, warning, 300, first);
    }
    /** What an undo says: how many items are undecided again. */
    function undoneNote(what, n) {
      return what + ": " + (n === 1 ? "1 item is" : n + " items are") + " undecided again";
    }
    const KEEP = "\u0000keep"; // the edit form's "as drafted": no change to what a stance is about
    /** A select of what an agreement or dispute is about: claims of the person ``who`` (a
        select) names (one or more: Ctrl or Shift picks several), or everything they said;
        with ``keep``, first "as drafted". Its ``chosen()`` is what to send: undefined for
        "as drafted", "" for everything, else the claims' ids. */
    function aboutSelect(who, keep, messageOf) {
      const about = el("select");
      about.name = "about";
      about.multiple = true;
      about.size = 4;
      about.chosen = () => {
        const picked = Array.from(about.selectedOptions).map((o) => o.value);
        if (!picked.length || picked.indexOf(KEEP) >= 0) return keep ? undefined : "";
        return picked.indexOf("") >= 0 ? "" : picked;
      };
      const order = new Map(messages().map(([id], i) => [id, i]));
      const fill = () => {
        // what they had said by the stance's message: never what they say later
        const by = order.has(messageOf()) ? order.get(messageOf()) : Infinity;
        while (about.firstChild) about.removeChild(about.firstChild);
        (keep ? [[KEEP, "as drafted"]] : []).concat([["", "everything they said"]]).forEach(([v, t]) => {
          const o = el("option", t);
          o.value = v;
          o.selected = v === (keep ? KEEP : "");
          about.appendChild(o);
        });
        st.items.forEach((c) => {
          if (c.kind !== "claim" || c.by !== who.value || c.status === "rejected" || c.status === "removed") return;
          if ((order.has(String(c.message)) ? order.get(String(c.message)) : -1) > by) return;
          const o = el("option", c.text + (c.where ? " (" + c.where + ")" : ""));
          o.value = c.id;
          about.appendChild(o);
        });
      };
      who.addEventListener("change", fill);
      fill();
      about.refill = fill; // when the stance's message changes
      return about;
    }
    const ADD_KINDS = ["claim", "agrees_with", "disputes", "similar_to", "contrasts_with", "includes", "overlaps_with",
      "analogous_to", "sense_of", "related_to", "opposes"];
    /** The term the words name (the longest label found whole in them, a plural's "s"
        allowed, accents aside: "modération" names moderation), or null. */
    const bare = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    function termIn(words) {
      const low = bare(words || "");
      let best = null;
      (st.terms || []).forEach((t) => {
        const esc = bare(t).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        if ((best === null || t.length > best.length)
            && new RegExp("(?:^|[^\\p{L}\\p{N}])" + esc + "(?:e?s)?(?![\\p{L}\\p{N}])", "u").test(low)) best = t;
      });
      return best;
    }
    function openAdd() {
      const it = current();
      const picked = selected(), quote = picked.text;
      fold(false); // (an addition's words are picked in the message)
      closeForm();
      form = el("form", null, "rv-form");
      form.id = "rv-add";
      form.appendChild(el("h4", "Add what the draft missed, accepted: its words as the message has them (Escape: leave it)"));
      const kind = el("select");
      kind.name = "kind";
      ADD_KINDS.forEach((k) => { const o = el("option", k.replace(/_/g, " ")); o.value = k; kind.appendChild(o); });
      const message = el("select");
      message.name = "message";
      messages().forEach(([id, label]) => { const o = el("option", label); o.value = id; message.appendChild(o); });
      if (picked.message !== null) message.value = picked.message;
      else if (it && it.message !== undefined) message.value = String(it.message);
      const words = textInput(quote);
      words.name = "quote";
      form.appendChild(field("kind", kind));
      form.appendChild(field("in", message));
      form.appendChild(field("quote", words));
      // a claim's fields, a relation's between terms or attributes, a stance's person; its term
      // the one the selected words name, else the card's claim's when the words are its message's
      const fromCard = it && it.kind === "claim" && (picked.message === null || picked.message === String(it.message));
      const named = termIn(quote);
      const term = textInput(named !== null ? named : fromCard ? it.edit.term : "", "rv-terms");
      term.name = "term";
      const attr = textInput("");
      attr.name = "attribute";
      const neg = el("input");
      neg.type = "checkbox";
      neg.name = "negated";
      const source = textInput("", "rv-terms");
      source.name = "source";
      const target = textInput("", "rv-terms");
      target.name = "target";
      const person = el("select");
      person.name = "person";
      const nobody = el("option", "— whom? —");
      nobody.value = "";
      person.appendChild(nobody); // picked on purpose, never by default
      st.people.forEach(([id, who]) => { const o = el("option", who === id ? who : who + " (" + id + ")"); o.value = id; person.appendChild(o); });
      // what a stance is about: one of its target's claims, or all they said
      const about = aboutSelect(person, false, () => message.value);
      message.addEventListener("change", () => about.refill());
      const groups = {
        claim: [field("term", term), field("attribute", attr), field("denied (the speaker says it is not so)", neg)],
        stance: [field("towards", person), field("about", about)],
        between: [field("from", source), field("to", target)],
      };
      Object.keys(groups).forEach((g) => groups[g].forEach((f) => form.appendChild(f)));
      const group = () => kind.value === "claim" ? "claim"
        : kind.value === "agrees_with" || kind.value === "disputes" ? "stance" : "between";
      // (style, not the hidden attribute, which a field's display rule would override)
      const show = () => Object.keys(groups).forEach((g) => groups[g].forEach((f) => { f.style.display = g === group() ? "" : "none"; }));
      const note = el("p", "", "rv-preview");
      kind.addEventListener("change", () => { show(); note.textContent = ""; });
      show();
      form.appendChild(note);
      const ok = el("button", "Add it, accepted");
      ok.type = "submit";
      form.appendChild(ok);
      form.appendChild(leaveButton(() => ok.disabled)); // not while the addition is saved
      form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        if (ok.disabled) return;
        const g = group(), fields = { message: message.value, quote: words.value };
        if (g === "claim") Object.assign(fields, { term: term.value, attribute: attr.value, negated: neg.checked });
        else if (g === "stance") Object.assign(fields, { target: person.value }, about.chosen() ? { about: about.chosen() } : {});
        else Object.assign(fields, { source: source.value, target: target.value });
        if (g === "stance" && !person.value) { note.textContent = "Pick whom it agrees with or disputes."; person.focus(); return; }
        // what is missing, said in the form's words (the server's are the command line's: "needs term=")
        const missing = [[words, "Select or type the words it quotes, from the message."],
          ...(g === "claim" ? [[term, "Give the term it says something of."], [attr, "Give what it says of the term."]] : []),
          ...(g === "relation" ? [[source, "Pick or give its first end."], [target, "Pick or give its second end."]] : [])]
          .find(([f]) => !String(f.value).trim());
        if (missing) { note.textContent = missing[1]; missing[0].focus(); return; }
        // the selection's place, while the words and the message are still the selected ones
        if (picked.at !== null && words.value === quote && message.value === picked.message) fields.at = picked.at;
        ok.disabled = true;
        // after the decisions in flight; the server answers once the files and the page are written again
        st.chain = st.chain.then(() => request("/api/add", { kind: kind.value, fields, base: st.revision })).then((res) => {
          closeForm();
          if (res.added) {
            reloadFor("Added " + res.added, res.warning);
            return;
          }
          st.revision = res.revision;
          st.counts = res.counts;
          apply(res.changed || {});
          warn("The draft has it: " + res.drafted + (res.already ? ", accepted already (nothing recorded)" : ", accepted")
            + (res.turned ? " (it had been " + res.turned + ")" : ""), res.note);
          render();
        }).catch((e) => { ok.disabled = false; note.textContent = e.message; });
      });
      // while the addition is saved the form stays: keys pressed then would be lost in the page's redraw
      form.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && !ok.disabled) { ev.preventDefault(); closeForm(); } });
      forms.appendChild(form);
      (quote ? kind : words).focus();
    }

    // ---- bulk decisions -----------------------------------------------------------------------------
    function openBulk() {
      closeForm();
      form = el("form", null, "rv-form");
      form.id = "rv-bulk";
      form.appendChild(el("h4", "Decide many at once: everything undecided that matches (one undo takes it back)"));
      const above = confidenceInput("above"), below = confidenceInput("below");
      const term = textInput("", "rv-terms");
      term.name = "term";
      const speaker = el("select");
      speaker.name = "speaker";
      [""].concat(st.speakers).forEach((s) => { const o = el("option", s || "anyone"); o.value = s; speaker.appendChild(o); });
      const kind = el("select");
      kind.name = "kind";
      ["", "term", "attribute", "claim", "opposes", "agrees_with", "disputes", "includes", "contrasts_with",
        "overlaps_with", "similar_to", "analogous_to", "sense_of", "related_to"].forEach((k) => {
        const o = el("option", k ? k.replace(/_/g, " ") : "any kind");
        o.value = k;
        kind.appendChild(o);
      });
      form.appendChild(field("confidence at least", above));
      form.appendChild(field("term or attribute", term));
      form.appendChild(field("speaker", speaker));
      form.appendChild(field("kind", kind));
      form.appendChild(field("confidence under", below));  // last: the fields above keep their Tab order
      const count = el("p", "Enter: count what matches (a button counts first too)", "rv-preview");
      count.id = "rv-preview";
      form.appendChild(count);
      const accept = el("button", "Accept all");
      accept.type = "button";
      accept.id = "rv-bulk-accept";
      const reject = el("button", "Reject all");
      reject.type = "button";
      reject.id = "rv-bulk-reject";
      // a click before the count counts first (run): what is decided is always what was shown
      form.appendChild(accept);
      form.appendChild(reject);
      form.appendChild(leaveButton());
      const filter = () => ({ above: above.value === "" ? null : Number(above.value),
        below: below.value === "" ? null : Number(below.value), term: term.value,
        speaker: speaker.value, kind: kind.value });
      let previewed = null;
      const empty = () => { const f = filter(); return f.above === null && f.below === null && !f.term && !f.speaker && !f.kind; };
      const preview = () => empty() ? Promise.resolve(refuse()) : request("/api/preview", { filter: filter() }).then((r) => {
        previewed = JSON.stringify(filter());
        // which they are, the first few in words (a bulk decision is made on what it names)
        const named = r.ids.slice(0, 3).map((id) => st.items.get(id)).filter(Boolean)
          .map((it) => "“" + visible(it.text) + "”");
        count.textContent = r.count + " undecided item" + (r.count === 1 ? "" : "s") + " match"
          + (named.length ? " (" + named.join(", ") + (r.count > named.length ? ", and " + (r.count - named.length)
            + " more" : "") + ")" : "") + (r.count ? ": Tab to the button that decides them" : "");
        accept.textContent = "Accept all " + r.count;
        reject.textContent = "Reject all " + r.count;
        // (the keyboard stays on the filter: a second Enter counts again, never decides)
        accept.disabled = reject.disabled = r.count === 0;
      }).catch((e) => { count.textContent = e.message; });
      // no field given: said here, as the server would (no request that can only fail)
      function refuse() {
        previewed = null;
        count.textContent = "a bulk decision needs a filter: a confidence bound, a term, a speaker or a kind";
      }
      const run = (decision) => {
        if (previewed !== JSON.stringify(filter())) { preview(); return; } // the count shown is what is decided
        const f = filter();
        closeForm();
        send("/api/bulk", { filter: f, decision }, () => render(), fail);
      };
      form.addEventListener("submit", (ev) => { ev.preventDefault(); preview(); });
      form.addEventListener("input", () => { accept.disabled = reject.disabled = false; }); // to be counted again
      accept.addEventListener("click", () => run("accepted"));
      reject.addEventListener("click", () => run("rejected"));
      form.addEventListener("keydown", (ev) => {
        if (ev.key === "Escape") { ev.preventDefault(); closeForm(); }
        else if (ev.key === "Enter") { // on a field: count what matches; on a button: decide
          ev.preventDefault();
          if (ev.target === accept || ev.target === reject) ev.target.click(); else preview();
        }
      });
      forms.appendChild(form);
      above.focus();
    }

    // ---- keys -------------------------------------------------------------------------------------------
    function typing(target) {
      const tag = target && target.tagName;
      return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
    }
    document.addEventListener("keydown", (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target) || form) return;
      const k = ev.key;
      if (!singleKeys() && k !== "Escape") return;
      if (k === "a" || k === "A") decide("accepted", null, ev.timeStamp);
      else if (k === "x" || k === "X") decide("rejected", null, ev.timeStamp);
      else if (k === "e" || k === "E") openEdit();
      else if (k === " ") skip();
      else if (k === "u" || k === "U" || k === "Backspace") undo();
      else if (k === "b" || k === "B") openBulk();
      else if (k === "n" || k === "N") openAdd();
      else if (k === "f" || k === "F") fold(!box.classList.contains("rv-folded"));
      else if (k === "?") toggleHelp(help.hidden);
      else if (k === "Escape" && !help.hidden) toggleHelp(false); // else Escape is the explorer's
      else return;
      ev.preventDefault();
      ev.stopPropagation();
    }, true);
    helpButton.addEventListener("click", () => toggleHelp(help.hidden));
    order.addEventListener("change", () => {
      st.order = order.value;
      try { sessionStorage.setItem(CHOSEN, st.order); } catch (e) { void e; }
      order.blur();
      st.chain = st.chain.then(() => load());
    });

    // ---- start --------------------------------------------------------------------------------------------
    const warning = el("p", "", "rv-warning");
    warning.id = "rv-warning";
    warning.hidden = true;
    box.insertBefore(warning, card);
    const terms = el("datalist");
    terms.id = "rv-terms";
    box.appendChild(terms);
    function load(prefetched) {
      const asked = prefetched ? prefetched.then((r) => r.json().then((v) => {
        if (!r.ok) throw new Error(v.error || r.statusText);
        return v;
      })) : request("/api/state?order=" + encodeURIComponent(st.order));
      return asked.then((s) => {
        st.revision = s.revision;
        st.counts = s.counts;
        st.files = s.files;
        st.speakers = s.speakers;
        st.people = s.people || [];
        st.terms = s.terms || [];
        st.items = new Map(s.items.map((it) => [it.id, it]));
        st.queue = lastSkipped(s.queue);
        if (keptFirst) { // what an undo made undecided again, before the page was drawn anew: first
          try { putFirst(JSON.parse(keptFirst)); } catch (e) { void e; }
          keptFirst = null;
        } else if (shownBefore && !skipped.has(shownBefore)) {
          putFirst([shownBefore]); // (only while it is undecided: putFirst leaves out the rest)
        }
        shownBefore = null; // (once: a later load follows the card as it is then)
        let lost = "";
        if (keptLost) {
          try { lost = lostKey(JSON.parse(keptLost)); } catch (e) { void e; }
          keptLost = null;
        }
        while (terms.firstChild) terms.removeChild(terms.firstChild);
        s.terms.forEach((t) => { const o = el("option"); o.value = t; terms.appendChild(o); });
        s.items.forEach((it) => { if (it.status !== null) graph.dirty.add(it); });
        graph.placed = null;
        showSaving();
        warn(keptNotice, [keptWarning, lost, s.warning].filter(Boolean).join("; "));
        keptNotice = keptWarning = null;
        render();
        document.body.setAttribute("data-review", "ready");
      }).catch((e) => fail(e)).finally(graphNext);
    }
    /** Once the first item is drawn on screen, the explorer builds the graph. */
    function graphNext() {
      if (cg || !buildGraph) return;
      const go = buildGraph;
      buildGraph = null;
      requestAnimationFrame(() => setTimeout(() => {
        go(data);
        setTimeout(() => { // the explorer's build ran as that promise's reaction, before this task
          cg = window.conceptgraph || null;
          if (cg) later(); // what was decided meanwhile is drawn
        });
      }));
    }
    // a card grown taller (the edit form open) may cover what it shows on the graph: placed again,
    // once the keys pause, as the graph follows them (a redraw at each key would slow the keys)
    let cardHeight = 0;
    new ResizeObserver(() => {
      const h = box.offsetHeight;
      // a phone's sheets (the thread, a panel) stand on the card, not over it (review.css)
      document.documentElement.style.setProperty("--rv-h", h + "px");
      if (Math.abs(h - cardHeight) < 24) return;
      cardHeight = h;
      if (cg && current()) { graph.placed = null; later(); }
    }).observe(box);
    load(early);
    // back from a terminal where `conceptgraph review --undo` (or --accept ...) ran: what was
    // decided there is shown at once, not after the next key is refused
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "visible" || st.pending || st.reloading || !st.counts) return;
      request("/api/revision").then((v) => {
        if (v.revision !== st.revision && !st.pending && !st.reloading) conflict("decided elsewhere meanwhile", true);
      }).catch(() => {});
    });
    window.conceptgraphReview = { state: st, decide, undo, skip, load, timings: st.timings };
  }
})();
