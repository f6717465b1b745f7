/* conceptgraph explorer. Every string from the dataset reaches the page through
   textContent or the canvas, never as HTML. The data's shape is described in
   conceptgraph/page.py: nodes and edges as named columns, details, the thread, and the
   pieces that search and comparison share with the command line. */
((explorer) => {
  "use strict";
  /** A mail's words as their writer typed them, before a mail program broke the lines at
   * a width (72 columns): a break inside a paragraph reads as a space. Each character keeps
   * its place (a mark stays on its words); a blank line, a quoted line ("> "), the line a
   * list item or a signature opens, a list item that ends its sentence (unless an indented
   * line goes on with it), and a short line keep their breaks. Text whose lines
   * run longer than any mail's width was not broken so: it is shown as it is. */
  function unwrapped(text) {
    const lines = String(text).split("\n");
    if (lines.length < 3) return text;
    const widths = lines.map((l) => l.replace(/\s+$/, "").length);
    const widest = widths.reduce((a, b) => Math.max(a, b), 0);
    if (widest > 100 || widths.filter((w) => w >= 55).length < 2) return text;
    const apart = (l) => !l.trim() || /^\s*>/.test(l) || /^-- ?$/.test(l);
    const item = (l) => /^\s*(?:[-*•+]|\d+[.)])\s/.test(l);
    // (a list item that ends its sentence goes on only in an indented line: "- lockout: ... Not us."
    // then "Comments?" are two)
    const ended = (l, next) => item(l) && /[.!?:]["”’')]*\s*$/.test(l) && !/^\s/.test(next);
    return lines.map((l, i) => (i + 1 < lines.length && widths[i] >= Math.max(40, widest - 20) && !apart(l) &&
      !apart(lines[i + 1]) && !item(lines[i + 1]) && !ended(l, lines[i + 1]) ? l + " " :
      l + (i + 1 < lines.length ? "\n" : ""))).join("");
  }

  // (the review's card shows a message before the graph is built: it reads words so too)
  window.conceptgraphUnwrapped = unwrapped;
  // In review mode the first item to review is shown before the graph is built: the
  // review's script says when, and hands over the data it has read (read once).
  const wait = window.conceptgraphGraphAfter;
  if (wait) wait.then(explorer); else explorer(JSON.parse(document.getElementById("graph-data").textContent));
})((data) => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const N = data.nodes.label.length;
  const E = data.edges.source.length;
  const big = data.big;

  // ---- named access to the columns ---------------------------------------------------
  // Bidirectional controls (U+202E...) and control characters (page.py gives them) shown
  // escaped, as the terminal shows them: a name must not read backwards, nor pull the text
  // after it into its run, nor hide a character as an empty box
  const ESCAPED = new RegExp("[" + Object.keys(data.escaped).join("") + "]", "g");
  function visible(s) { return String(s).replace(ESCAPED, (c) => data.escaped[c]); }
  /** A label as the canvas draws it: cut, with "…", past data.drawnChars (page.py's drawn()). */
  function onCanvas(s) { return s.length <= data.drawnChars ? s : s.slice(0, data.drawnChars - 1) + "…"; }
  const node = {
    label: (i) => visible(data.nodes.label[i]),
    kind: (i) => data.nodeKinds[data.nodes.kind[i]],
    detail: (i) => data.nodeDetails[i],
    draft: (i) => data.nodes.draft[i] === 1,
  };
  const edge = {
    source: (j) => data.edges.source[j],
    target: (j) => data.edges.target[j],
    kind: (j) => data.edgeKinds[data.edges.kind[j]],
    detail: (j) => data.edgeDetails[data.edges.detail[j]],
    detailIndex: (j) => data.edges.detail[j],
    draft: (j) => data.edges.draft[j] === 1,
    other: (j, i) => (data.edges.source[j] === i ? data.edges.target[j] : data.edges.source[j]),
  };
  const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = visible(text);
    if (cls) e.className = cls;
    return e;
  }
  /** A link to the words in their place on the web: http(s) only, as the data is checked
   *  again here, since a javascript: address would run when clicked. */
  function webLink(url, text) {
    if (!/^https?:\/\//i.test(url)) return document.createTextNode("");
    const a = el("a", text, "web");
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.title = url;
    return a;
  }
  function list(v) { return Array.isArray(v) ? v : (v ? [v] : []); }
  function button(text, onClick, cls) {
    const b = el("button", text, cls);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // ---- everything the user has chosen, and the one path that shows it ----------------
  const state = {
    hiddenNodeKinds: new Set(data.nodeKinds.map((k, i) => (k.hidden ? i : -1)).filter((i) => i >= 0)),
    // context links (who names a term, terms named together) wait behind their legend box: the page opens on the claims
    hiddenEdgeKinds: new Set(data.edgeKinds.map((k, i) => (k.hidden ? i : -1)).filter((i) => i >= 0)),
    showDrafts: true,
    focusSet: null, // the node indexes a focus or comparison shows, or null for all
    note: "",       // what the last action did, shown in the status line until the next one
    panelOpen: false,
  };

  // ---- heading -----------------------------------------------------------------------
  const src = data.source;
  $("title").textContent = visible(src.title || "Concept graph");
  $("byline").textContent = visible([src.author, src.date].filter(Boolean).join(" · "));
  if (src.url) {
    if (src.author || src.date) $("byline").appendChild(document.createTextNode(" · "));
    $("byline").appendChild(webLink(src.url, "source"));
  }
  document.title = visible(src.title || "Concept graph");

  // ---- the network ---------------------------------------------------------------------
  const groups = {};
  data.nodeKinds.forEach((k, i) => {
    const color = { background: k.color, border: k.border,
      highlight: { background: k.color, border: "#f59e0b" }, hover: { background: k.color, border: "#f59e0b" } };
    groups["k" + i] = { shape: k.shape, color, borderWidth: 1.5,
      shapeProperties: { borderRadius: k.radius },
      font: Object.assign(labelFont(k, k.font), { size: data.labelFont[0] }) };
  });
  const incident = Array.from({ length: N }, () => []);
  const pairCount = new Map();
  const visEdges = [];
  for (let j = 0; j < E; j++) {
    const s = edge.source(j), t = edge.target(j), k = edge.kind(j);
    incident[s].push(j);
    if (t !== s) incident[t].push(j);
    const pair = s < t ? s + "," + t : t + "," + s;
    const nth = (pairCount.get(pair) || 0) + 1;
    pairCount.set(pair, nth);
    const e = Object.assign({
      id: j, from: s, to: t, width: k.width,
      arrows: { to: { enabled: !big && !!k.arrows && data.directed, scaleFactor: 0.5 } },
    }, edgeLook(j, edge.draft(j)));
    if (!big && nth > 1) { // parallel edges fan out instead of hiding each other
      e.smooth = { enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.floor(nth / 2 + 0.5) };
    }
    visEdges.push(e);
  }
  /** How link ``j`` looks, drafted (one dash for every kind) or not (its kind's own dashes): its
   * kind's colour either way, at full strength, as a paler one fell below 3:1 on the canvas and
   * a drafted thread is all drafts. On big graphs every redraw strokes every link, and dashes
   * cost too much there. */
  function edgeLook(j, drafted) {
    const k = edge.kind(j);
    return { dashes: big ? false : (drafted ? [3, 5] : k.dashes),
      color: { color: k.color, highlight: k.color, hover: k.color, opacity: 1 } };
  }
  /** A label of node kind ``k`` in ``colour`` (a term's bold too, when selected). */
  function labelFont(k, colour) { return { color: colour, bold: k.kind === "term" ? { color: colour } : undefined }; }
  /** How node ``i`` looks, drafted (a paler fill, its label legible on it, a dashed
   * border) or not (its kind's own): what the review page sets as decisions come. */
  function nodeLook(i, drafted) {
    const k = data.nodeKinds[data.nodes.kind[i]], fill = drafted ? k.draft.color : k.color;
    return { color: { background: fill, border: k.border, highlight: { background: fill, border: "#f59e0b" },
      hover: { background: fill, border: "#f59e0b" } },
    font: labelFont(k, drafted ? k.draft.font : k.font),
    shapeProperties: { borderRadius: k.radius, borderDashes: drafted ? [4, 4] : false } };
  }
  const nodes = new vis.DataSet(data.nodes.label.map((label, i) => {
    const n = { id: i, label: onCanvas(visible(label)), group: "k" + data.nodes.kind[i], x: data.nodes.x[i], y: data.nodes.y[i],
      value: data.nodes.size[i], widthConstraint: { maximum: data.nodes.wrap[i] } };
    return node.draft(i) ? Object.assign(n, nodeLook(i, true)) : n;
  }));
  const edges = new vis.DataSet(visEdges);

  function nodeShown(i) {
    return !state.hiddenNodeKinds.has(data.nodes.kind[i]) && (state.showDrafts || !node.draft(i)) &&
      (!state.focusSet || state.focusSet.has(i));
  }
  function edgeShown(j) {
    return !state.hiddenEdgeKinds.has(data.edges.kind[j]) && (state.showDrafts || !edge.draft(j)) &&
      nodeShown(edge.source(j)) && nodeShown(edge.target(j));
  }
  const nodeView = new vis.DataView(nodes, { filter: (n) => nodeShown(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => edgeShown(e.id) });

  const network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: { enabled: false, solver: "forceAtlas2Based", stabilization: false,
      forceAtlas2Based: { gravitationalConstant: -150, springLength: 220, centralGravity: 0.005, avoidOverlap: 1 } },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 300,
      keyboard: false, multiselect: false, zoomView: true, dragView: true },
    nodes: { scaling: { min: data.dotSize[0], max: data.dotSize[1], label: { enabled: true, min: data.labelFont[0], max: data.labelFont[1], drawThreshold: 5, maxVisible: 36 } } },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5 },
    groups,
  });
  // the graph is one stop for Tab, the element that has our keys (vis-network's own canvas
  // holder would be a second, nameless one)
  $("network").querySelectorAll("[tabindex]").forEach((inner) => { inner.tabIndex = -1; });
  let drawn = false;
  network.on("afterDrawing", () => {
    if (!drawn) { drawn = true; document.body.setAttribute("data-drawn", "1"); }
  });

  /** Show what the state says: the one path every action takes. */
  function refresh(note, quiet) {
    state.note = note || "";
    markIdleLinks();
    nodeView.refresh();
    edgeView.refresh();
    $("showall").hidden = !state.focusSet;
    const parts = [];
    if (state.note) parts.push(state.note);
    // what the graph draws: a node or link the review took off (hidden) is not shown
    const drawn = (view) => view.get({ filter: (x) => !x.hidden, fields: ["id"] }).length;
    parts.push(drawn(nodeView) + " of " + N + " nodes, " + drawn(edgeView) + " of " + E + " links shown");
    $("status").textContent = parts.join(" · ");
    // a screen reader hears what happened, not the counts again after every arrow key (the
    // counts when nothing else is said: a filter turned on or off); a live region outside the
    // legend, which a phone folds away
    // (quiet: the counts moved under another's words, the review's, which say what happened)
    if (!quiet) $("announce").textContent = state.note || parts[parts.length - 1];
  }

  // ---- legend and filters --------------------------------------------------------------
  function lineSwatch(kind) {
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("class", "line");
    svg.setAttribute("width", "34");
    svg.setAttribute("height", "10");
    svg.setAttribute("aria-hidden", "true");
    const line = document.createElementNS(NS, "line");
    line.setAttribute("x1", "1"); line.setAttribute("y1", "5");
    line.setAttribute("x2", kind.arrows && data.directed ? "27" : "33"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", kind.color);
    line.setAttribute("stroke-width", String(Math.max(1.5, Math.min(4, kind.width + 0.5))));
    if (Array.isArray(kind.dashes)) line.setAttribute("stroke-dasharray", kind.dashes.map((d) => d / 2).join(" "));
    svg.appendChild(line);
    if (kind.arrows && data.directed) {
      const head = document.createElementNS(NS, "path");
      head.setAttribute("d", "M26 1 L33 5 L26 9 Z");
      head.setAttribute("fill", kind.color);
      svg.appendChild(head);
    }
    return svg;
  }
  function legendItem(kind, i, hidden, isNode) {
    const li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = !hidden.has(i);
    box.setAttribute("data-kind", kind.kind);
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(i); else hidden.add(i);
      refresh();
    });
    let mark;
    if (isNode) {
      mark = el("span", null, "swatch " + kind.shape + (kind.kind === "attribute" ? " attribute" : ""));
      mark.style.background = kind.color;
      mark.style.borderColor = kind.border;
    } else {
      mark = lineSwatch(kind);
    }
    label.appendChild(box);
    label.appendChild(mark);
    // the name and its count wrap together (see .what in explorer.css): a count too wide to
    // sit beside the name goes under it whole, never in pieces
    const what = el("span", null, "what");
    what.appendChild(el("span", kind.label, "name"));
    const count = el("span", countText(kind.count, kind.drafted), "count");
    what.appendChild(count);
    label.appendChild(what);
    li.appendChild(label);
    (isNode ? nodeCounts : edgeCounts)[i] = count;
    return li;
  }
  /** "84 drafted" when all are drafts, "84, 3 drafted" when some are. */
  function countText(n, drafted) {
    return n + (!drafted ? "" : drafted === n ? " drafted" : ", " + drafted + " drafted");
  }
  const nodeCounts = [], edgeCounts = [];
  /** The legend's counts as a review has them: ``[[count, drafted], ...]`` by kind of node and of link. */
  function setCounts(nodesNow, edgesNow) {
    nodesNow.forEach(([n, d], k) => { if (nodeCounts[k]) nodeCounts[k].textContent = countText(n, d); });
    edgesNow.forEach(([n, d], k) => { if (edgeCounts[k]) edgeCounts[k].textContent = countText(n, d); });
    // and "show drafts N": what is still drafted, as review decides it
    $("draft-count").textContent = String(draftItems(nodesNow.map(([, d]) => d), edgesNow.map(([, d]) => d)));
  }
  /** The drafted items a review asks about, as `render` counts them: a claim once (its two
   * links, term to attribute and speaker to attribute, are one item), and not the links of
   * context drafted with them (who names a term, terms named together), which it never asks about. */
  function draftItems(nodesDrafted, edgesDrafted) {
    const asked = (k) => !data.edgeKinds[k].hidden && data.edgeKinds[k].base !== "asserts";
    return nodesDrafted.reduce((a, b) => a + b, 0) + edgesDrafted.reduce((a, d, k) => a + (asked(k) ? d : 0), 0);
  }
  data.nodeKinds.forEach((k, i) => $("node-kinds").appendChild(legendItem(k, i, state.hiddenNodeKinds, true)));
  const edgeItems = data.edgeKinds.map((k, i) => legendItem(k, i, state.hiddenEdgeKinds, false));
  edgeItems.forEach((li) => $("edge-kinds").appendChild(li));
  // the kinds of node each kind of link joins: a link kind whose nodes are all hidden is shown idle
  const ends = data.edgeKinds.map(() => new Set());
  for (let j = 0; j < E; j++) {
    ends[data.edges.kind[j]].add(data.nodes.kind[edge.source(j)] + "," + data.nodes.kind[edge.target(j)]);
  }
  function markIdleLinks() {
    edgeItems.forEach((li, k) => {
      const shown = Array.from(ends[k]).some((pair) => pair.split(",").every((n) => !state.hiddenNodeKinds.has(Number(n))));
      li.classList.toggle("idle", !shown);
      li.title = shown ? "" : "Its links join nodes that are hidden: tick their kind above to see them";
    });
  }
  const drafts = data.nodes.draft.reduce((a, b) => a + b, 0) + data.edges.draft.reduce((a, b) => a + b, 0);
  if (drafts) {
    $("drafts-row").hidden = false;
    // what a draft looks like, beside the box that hides them: a paler node with a dashed
    // border (a term's, the kind a thread has most of), a link in the drafts' one dash
    const term = data.nodeKinds.find((k) => k.kind === "term") || data.nodeKinds[0];
    const sample = el("span", null, "swatch box draft");
    sample.style.background = term.draft.color;
    sample.style.borderColor = term.border;
    const look = el("span", null, "draft-look");
    look.setAttribute("aria-hidden", "true");
    look.append(sample, lineSwatch({ color: "#64748B", dashes: [3, 5], width: 1.2, arrows: false }));
    $("show-drafts").after(look);
    $("draft-count").textContent = String(draftItems(data.nodeKinds.map((k) => k.drafted),
      data.edgeKinds.map((k) => k.drafted)));
    $("show-drafts").addEventListener("change", (ev) => { state.showDrafts = ev.target.checked; refresh(); });
  }
  // Single-key shortcuts can be turned off (speech input types letters as words; WCAG 2.1.4),
  // remembered for the next page; the review's letter keys read the same switch
  const KEYS = "conceptgraph.single-keys";
  function setSingleKeys(on, say) {
    document.body.dataset.singleKeys = on ? "on" : "off";
    $("single-keys").checked = on;
    try { localStorage.setItem(KEYS, on ? "on" : "off"); } catch (e) { void e; } // (storage may be refused)
    if (say) $("announce").textContent = "single-key shortcuts " + (on ? "on" : "off");
    document.dispatchEvent(new CustomEvent("conceptgraph:single-keys-set", { detail: on })); // (the review's buttons follow)
  }
  let keysKept = null;
  try { keysKept = localStorage.getItem(KEYS); } catch (e) { void e; }
  setSingleKeys(keysKept !== "off", false);
  $("single-keys").addEventListener("change", (ev) => setSingleKeys(ev.target.checked, true));
  document.addEventListener("conceptgraph:single-keys", (ev) => setSingleKeys(ev.detail, true));

  function showLegend(open) { // the legend as a drawer (on a phone)
    $("legend").classList.toggle("open", open);
    $("legend-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  }
  $("legend-toggle").addEventListener("click", () => showLegend(!$("legend").classList.contains("open")));

  // ---- the details panel ---------------------------------------------------------------
  const FIELDS = new Map([["aliases", "Also written"], ["gloss", "Gloss"], ["description", "Description"],
    ["role", "Role"], ["where", "Where"], ["quote", "Said"], ["status", "Status"], ["id", "Id"]]);
  const HIDDEN_FIELDS = new Set(["text", "by", "reply_to"]);

  function nodeLink(i) { return button(node.label(i), () => choose(i), "linkish"); }
  /** The keyboard back to ``opener``, where it still is on the page and shown; else to ``fallback``. */
  function giveBack(opener, fallback) {
    (opener && opener.isConnected && opener.offsetParent !== null ? opener : fallback).focus();
  }
  let panelOpener = null; // the control the keyboard was on when the panel opened: closing gives it back
  let keyboardFrom = null; // what Escape gives the keyboard back to, once a panel has taken it
  // The panels opened one from another (a node from a comparison, a neighbour from a node):
  // each new one offers the way back to the one it was opened from
  const panelsBefore = [];
  let panelNow = null, goingBack = false;
  /** Nodes and links a panel is not about drawn faint, so that what it lists stands out on
   * the graph (``keep``: the node ids and link ids to leave as they are; null: all of them).
   * A graph of more than SPOTLIGHT_MAX nodes and links is left alone: vis-network takes
   * a few hundredths of a millisecond to restyle each one, and a click waits for all of them
   * (bench/spotlight.py: 66 ms at the limit; 270 ms for 3,500). */
  const FAINT = 0.25, SPOTLIGHT_MAX = 1200;
  /** A faint node's label colour: vis-network fades a node's shape but not its label, and
   * a term's white label would be lost on its faded fill (4.8:1 on that, 7.5:1 on the canvas). */
  const FAINT_TEXT = "#4B5563";
  const ownFont = new Map(); // a faint node's label look before it was faint, to give back
  let faint = null;
  function spotlight(keep) {
    if (N + E > SPOTLIGHT_MAX || (!keep && !faint)) return;
    const on = (set, id) => !keep || set.has(id);
    // (with the node's own look, a draft's or a decision's: vis-network otherwise takes its group's again)
    nodes.update(nodes.get().map((n) => {
      const shown = on(keep && keep.nodes, n.id), look = { id: n.id, opacity: shown ? 1 : FAINT };
      ["color", "shapeProperties"].forEach((f) => { if (n[f] !== undefined) look[f] = n[f]; });
      const k = data.nodeKinds[data.nodes.kind[n.id]], font = n.font || labelFont(k, k.font);
      const faded = font.color === FAINT_TEXT;
      if (shown) look.font = faded ? ownFont.get(n.id) : font;
      else { // (a look a review's decision gave it while faint is the one to give back)
        if (!faded) ownFont.set(n.id, font);
        look.font = labelFont(k, FAINT_TEXT);
      }
      return look;
    }));
    // (a link's colour as it is now, a review's decision included: only its strength changes)
    edges.update(edges.get().map((e) => ({ id: e.id,
      color: Object.assign({}, e.color, { opacity: on(keep && keep.edges, e.id) ? 1 : FAINT / 2 }) })));
    faint = keep;
  }
  /** A node and what it is linked to, for ``spotlight``. */
  function around(i) {
    const keep = { nodes: new Set([i]), edges: new Set(incident[i]) };
    incident[i].forEach((j) => keep.nodes.add(edge.other(j, i)));
    return keep;
  }
  function openPanel() {
    spotlight(null);
    const body = $("panel-body"), active = document.activeElement;
    const inside = $("panel").contains(active) && active !== $("close");
    if (!inside) panelsBefore.length = 0;
    else if (panelNow && !goingBack) panelsBefore.push(panelNow);
    goingBack = false;
    panelNow = null;
    if (!inside && active && active !== document.body && !$("thread").contains(active)) panelOpener = active;
    // a control in the panel that redrew it (Compare, a link to another node) is gone with the
    // old content: the keyboard goes on at the new heading, not lost to the page
    if (inside) queueMicrotask(() => {
      const h = body.querySelector("h3");
      if (h && state.panelOpen) { h.tabIndex = -1; h.focus({ preventScroll: true }); }
    });
    while (body.firstChild) body.removeChild(body.firstChild);
    $("panel").hidden = false;
    $("thread").classList.remove("front"); // on a phone, the sheet asked for last is on top
    showLegend(false); // (and the legend's drawer, over it, folds away, as for the thread)
    state.panelOpen = true;
    $("panel").scrollTop = 0;
    return body;
  }
  /** Say what the panel just drawn shows (``title``) and how to draw it again; with a
   * panel it was opened from, a first button goes back there. */
  function viewing(title, redraw) {
    panelNow = { title, redraw };
    const before = panelsBefore[panelsBefore.length - 1];
    if (!before) return;
    const back = button("← back to " + before.title, () => {
      panelsBefore.pop();
      goingBack = true;
      before.redraw();
    }, "linkish small back");
    const body = $("panel-body");
    body.insertBefore(back, body.firstChild);
  }
  function badge(text, color, cls) {
    const b = el("span", text, "badge" + (cls ? " " + cls : ""));
    if (color) b.style.background = color;
    return b;
  }
  function provenance(d) {
    const notes = [];
    if (d.status === "draft") notes.push("drafted from the text");
    if (d.inferred) notes.push("the curator's inference");
    return notes.length ? el("div", notes.join("; "), "note") : null;
  }
  /** A claim as conceptgraph.kinds.claim_text words it: [words before the attribute, the
   * attribute's words, words after]. */
  function claimWords(label, denied) {
    if (!denied) return ["", label, ""];
    // a label the short rules below would word wrongly: as the server words it ("does not need a customer")
    if (Object.prototype.hasOwnProperty.call(data.grammar.denied, label)) return data.grammar.denied[label];
    const first = label.split(" ")[0], rest = label.slice(first.length + 1);
    if (data.grammar.auxiliaries.indexOf(first.toLowerCase()) >= 0 && rest) return [first + " not ", rest, ""];
    if (data.grammar.negating.indexOf(first.toLowerCase()) >= 0) return ["denied “", label, "”"];
    return ["not ", label, ""];
  }
  /** "term: attribute" into line, with the attribute (and the term, given) as links. */
  function claimLine(line, term, attr, from, denied) {
    const [before, words, after] = claimWords(node.label(attr), denied);
    if (typeof term === "number") line.appendChild(from === term ? el("strong", node.label(term)) : nodeLink(term));
    else line.appendChild(el("span", term));
    line.appendChild(el("span", ": " + before, denied ? "denied" : ""));
    line.appendChild(from === attr ? el("strong", words) : button(words, () => choose(attr), "linkish"));
    if (after) line.appendChild(el("span", after, "denied"));
  }
  /** One piece of evidence: who links what, in what words, where; with its place in the thread. */
  function evidence(j, from) {
    const d = edge.detail(j), k = edge.kind(j);
    const li = el("li", null, "ev" + (edge.draft(j) ? " draft" : "")), line = el("div");
    const end = (i) => (from === i ? el("strong", node.label(i)) : nodeLink(i));
    if (k.base === "claim") {
      claimLine(line, edge.source(j), edge.target(j), from, k.denied);
    } else if (k.base === "asserts" && d.term) {
      line.appendChild(end(edge.source(j)));
      line.appendChild(el("span", " says "));
      claimLine(line, d.termNode !== undefined ? d.termNode : d.term, edge.target(j), from, k.denied);
    } else {
      line.appendChild(end(edge.source(j)));
      line.appendChild(el("span", " " + k.phrase + " ", k.denied ? "denied" : ""));
      line.appendChild(end(edge.target(j)));
    }
    if (list(d.concerns).length) line.appendChild(el("span", " about " + list(d.concerns).map((c) => "“" + c + "”").join(", ")));
    // naming no point, a stance is about everything its target said (before it), as the terminal says
    else if (k.base === "agrees_with" || k.base === "disputes") {
      line.appendChild(el("span", " about everything " + node.label(edge.target(j)) + " said"));
    }
    if (d.givesWay) line.appendChild(el("span", " (" + node.label(edge.target(j)) + " gives way: " + d.givesWay + ")"));
    // a claim or a relation its speaker took back (a stance is given way on, said above)
    if (d.takenBack) line.appendChild(el("span", " [taken back by " + (d.speaker || "?") + ", " + d.takenBack + "]"));
    li.appendChild(line);
    if (d.quote) li.appendChild(el("blockquote", "“" + d.quote + "”"));
    const who = [d.speaker, d.where].filter(Boolean).join(", ");
    const foot = el("div", who ? "— " + who + " " : "", "who");
    if (d.message !== undefined) {
      const go = button("in context", () => inContext(edge.detailIndex(j)), "linkish small");
      if (who) go.setAttribute("aria-label", "in context: " + visible(who)); // (a panel holds dozens: each says whose)
      foot.appendChild(go);
    }
    li.appendChild(foot);
    const p = provenance(d);
    if (p) li.appendChild(p);
    return li;
  }
  function section(body, title, items, empty) {
    body.appendChild(el("h4", title + " (" + items.length + ")"));
    const ul = el("ul");
    items.forEach((item) => ul.appendChild(item));
    if (!items.length && empty) ul.appendChild(el("li", empty, "who"));
    body.appendChild(ul);
  }
  function showNode(i) {
    const body = openPanel(), kind = node.kind(i), det = node.detail(i);
    spotlight(around(i));
    viewing("“" + node.label(i) + "”", () => showNode(i));
    body.appendChild(el("h3", node.label(i)));
    body.appendChild(badge(kind.label, kind.border));
    if (node.draft(i)) body.appendChild(badge("drafted from the text", null, "draft"));
    const dl = el("dl");
    const field = (name, value) => { dl.appendChild(el("dt", name)); dl.appendChild(el("dd", value)); };
    FIELDS.forEach((name, f) => {
      if (!own(det, f) || !det[f] || (f === "id" && det.id === node.label(i))) return;
      field(name, f === "quote" ? "“" + det.quote + "”" : list(det[f]).join(", "));
    });
    Object.keys(det).forEach((f) => {
      if (FIELDS.has(f) || HIDDEN_FIELDS.has(f) || det[f] === "" || det[f] === null) return;
      if (f === "confidence" && !node.draft(i)) return; // the draft's guess, moot once accepted (the data keeps it)
      field(f, list(det[f]).join(", "));
    });
    body.appendChild(dl);
    if (kind.kind === "message") {
      body.appendChild(button("Read it in the thread", () => openThread(i), "linkish"));
    }
    const tools = el("div");
    tools.id = "focus-tools";
    const depth = el("select");
    depth.setAttribute("aria-label", "Focus depth");
    [1, 2, 3].forEach((d) => { const o = el("option", "depth " + d); o.value = d; depth.appendChild(o); });
    const go = button("Focus here", () => focus(i, +depth.value));
    go.id = "focus-here";
    tools.appendChild(go);
    tools.appendChild(depth);
    body.appendChild(tools);
    if (kind.kind === "term") body.appendChild(compareTools(i));

    // an attribute has both links of each claim on it (the term has it, the speaker says it): one
    // piece of evidence, listed once, as the command line says a claim ("term: attribute — who")
    const claimed = new Set(incident[i].filter((j) => edge.kind(j).base === "claim").map((j) => edge.detailIndex(j)));
    const inc = incident[i].filter((j) => !edge.kind(j).structural
      && !(edge.kind(j).base === "asserts" && claimed.has(edge.detailIndex(j))));
    // who names it and what it is named with are facts of the text, said by no one: apart, last
    const context = inc.filter((j) => edge.kind(j).hidden), said = inc.filter((j) => !edge.kind(j).hidden);
    const curated = said.filter((j) => !edge.draft(j)), drafted = said.filter((j) => edge.draft(j));
    const items = (js) => js.slice(0, 300).map((j) => evidence(j, i))
      .concat(js.length > 300 ? [el("li", "… and " + (js.length - 300) + " more")] : []);
    section(body, drafted.length ? "Who says what, curated" : "Who says what", items(curated));
    if (drafted.length) section(body, "Drafted from the text", items(drafted));
    if (context.length) section(body, "Named in the text", items(context));

    const seen = new Set(), neighbours = [];
    incident[i].forEach((j) => {
      const o = edge.other(j, i);
      if (o !== i && !seen.has(o)) { seen.add(o); neighbours.push(o); }
    });
    neighbours.sort((a, b) => node.label(a).localeCompare(node.label(b), undefined, { numeric: true }));
    const links = neighbours.slice(0, 300).map((n) => { const li = el("li"); li.appendChild(nodeLink(n)); return li; });
    if (neighbours.length > 300) links.push(el("li", "… and " + (neighbours.length - 300) + " more"));
    section(body, "Neighbours", links);
  }
  function showEdge(j) {
    const body = openPanel(), k = edge.kind(j);
    spotlight({ nodes: new Set([edge.source(j), edge.target(j)]), edges: new Set([j]) });
    viewing("the link", () => showEdge(j));
    const title = el("h3");
    if (k.base === "claim") claimLine(title, edge.source(j), edge.target(j), undefined, k.denied);
    else title.textContent = node.label(edge.source(j)) + " " + k.phrase + " " + node.label(edge.target(j));
    body.appendChild(title);
    body.appendChild(badge(k.label, k.color));
    const ol = el("ol");
    ol.appendChild(evidence(j));
    body.appendChild(ol);
    const s = edge.source(j), t = edge.target(j);
    const others = incident[s].filter((x) => x !== j && edge.other(x, s) === t);
    if (others.length) section(body, "Other links between them", others.map((x) => evidence(x)));
  }
  /** Every node as a list, by kind: the graph as text (a screen reader's way through it,
   * or anyone's who would rather read), each name opening its panel, whose neighbours
   * lead on. */
  function showIndex() {
    const body = openPanel();
    viewing("every node", showIndex);
    body.appendChild(el("h3", "Every node"));
    body.appendChild(el("p", "Each name opens its panel: who says what, and its neighbours.", "who"));
    const LIMIT = 500;
    data.nodeKinds.forEach((k, ki) => {
      const ids = [];
      for (let i = 0; i < N; i++) if (data.nodes.kind[i] === ki && !nodes.get(i).hidden) ids.push(i);
      if (!ids.length) return;
      // in the order people count: "comment 2" before "comment 10"
      ids.sort((a, b) => node.label(a).localeCompare(node.label(b), undefined, { numeric: true }));
      const items = ids.slice(0, LIMIT).map((i) => {
        const li = el("li");
        li.appendChild(nodeLink(i));
        const n = incident[i].length;
        li.appendChild(el("span", " " + n + (n === 1 ? " link" : " links") + (node.draft(i) ? ", drafted" : ""), "who"));
        return li;
      });
      if (ids.length > LIMIT) items.push(el("li", "… and " + (ids.length - LIMIT) + " more: search finds them", "who"));
      body.appendChild(el("h4", k.label + " (" + ids.length + ")" + (state.hiddenNodeKinds.has(ki) ? ", hidden on the graph" : "")));
      const ul = el("ul");
      items.forEach((li) => ul.appendChild(li));
      body.appendChild(ul);
    });
    refresh("every node, as a list");
    // the keyboard goes to the list's heading, and Escape (from a node opened from it too) back to List
    const head = body.querySelector("h3");
    head.tabIndex = -1;
    head.focus();
    keyboardFrom = $("index");
  }
  $("index").addEventListener("click", showIndex);
  function hidePanel() {
    const had = $("panel").contains(document.activeElement);
    // the status line no longer names what the panel showed (the counts, as the graph is)
    if (state.panelOpen && state.note) refresh("", true);
    $("panel").hidden = true;
    state.panelOpen = false;
    network.unselectAll();
    spotlight(null);
    keyboardFrom = null;
    // closed from inside (its × button): the keyboard goes back where it came from, not to the page
    if (had) giveBack(panelOpener, $("network"));
  }
  $("close").addEventListener("click", hidePanel);

  // ---- the post's question: how do two terms differ? -----------------------------------
  const terms = [];
  for (let i = 0; i < N; i++) if (node.kind(i).kind === "term") terms.push(i);
  terms.sort((a, b) => node.label(a).localeCompare(node.label(b), undefined, { numeric: true }));
  function compareTools(i) {
    const row = el("div");
    row.id = "compare-tools";
    const pick = el("select");
    pick.id = "compare-with";
    pick.setAttribute("aria-label", "Term to compare with");
    const partner = data.partner[i];
    terms.forEach((t) => {
      if (t === i) return;
      const o = el("option", node.label(t));
      o.value = t;
      if (t === partner) o.selected = true;
      pick.appendChild(o);
    });
    const go = button("Compare with", () => showCompare(i, +pick.value));
    go.id = "compare-go";
    row.appendChild(go);
    row.appendChild(pick);
    return row;
  }
  /** attribute -> {yes: [speaker], no: [speaker], read: {speaker: every claim of theirs
   * here is the curator's reading}}, as the command line counts them. */
  function claimsOf(t) {
    const out = new Map();
    incident[t].forEach((j) => {
      const k = edge.kind(j);
      if (edge.source(j) !== t || k.base !== "claim" || (!state.showDrafts && edge.draft(j))) return;
      const a = edge.target(j), d = edge.detail(j), who = d.speaker || "?";
      if (!out.has(a)) out.set(a, { yes: [], no: [], read: new Map(), drafts: new Map(), noRead: new Map(), noDrafts: new Map(),
        back: new Map() });
      const entry = out.get(a), side = k.denied ? entry.no : entry.yes;
      if (side.indexOf(who) < 0) side.push(who);
      if (d.takenBack && !k.denied && !entry.back.has(who)) entry.back.set(who, d.takenBack);
      const read = k.denied ? entry.noRead : entry.read, drafts = k.denied ? entry.noDrafts : entry.drafts;
      read.set(who, (read.has(who) ? read.get(who) : true) && !!d.inferred);
      drafts.set(who, (drafts.has(who) ? drafts.get(who) : true) && !!edge.draft(j));
    });
    return out;
  }
  /** " [taken back by NAME, PLACE]" for each of an attribute's supporters who took it back, as `compare` says it. */
  function takenBack(...entries) {
    const out = [];
    entries.forEach((e) => e && e.back.forEach((where, who) => out.push(" [taken back by " + who + ", " + where + "]")));
    return out.join("");
  }
  /** Speakers whose claims here are all the curator's reading. */
  function readBy(entry) { return entry.yes.filter((w) => entry.read.get(w)); }
  /** " [drafted from the text]" for a line that rests on drafted claims alone, as `compare` marks it. */
  function draftedMark(...entries) {
    return entries.every((e) => e && e.yes.length && e.yes.every((w) => e.drafts.get(w))) ? " [drafted from the text]" : "";
  }
  /** "[the curator's inference: ...]" for parts of a line, or for all of it. */
  function inference(parts, whole) {
    if (whole) return " [the curator's inference]";
    return parts.length ? " [the curator's inference: " + parts.join("; ") + "]" : "";
  }
  function opposedTo(x) {
    const out = new Set();
    incident[x].forEach((j) => { if (edge.kind(j).base === "opposes" && edge.other(j, x) !== x) out.add(edge.other(j, x)); });
    return out;
  }
  const union = (a, b) => a.concat(b.filter((x) => a.indexOf(x) < 0));
  /** How terms a and b differ: the same answer as `conceptgraph compare` (a test checks every pair). */
  function compareData(a, b) {
    const A = claimsOf(a), B = claimsOf(b);
    const has = (side, x) => side.has(x) && side.get(x).yes.length > 0;
    const contrasts = [], pairings = new Map();
    // who says each side of a distinction: a side denied is its denials, read as claims
    const sides = (x, y) => {
      const p = pairings.get(x + "," + y), no = (e) => ({ yes: e.no, read: e.noRead, drafts: e.noDrafts });
      return [p.denied === "a" ? no(A.get(x)) : A.get(x), p.denied === "b" ? no(B.get(y)) : B.get(y)];
    };
    A.forEach((_, x) => {
      if (!has(A, x)) return;
      const opp = opposedTo(x);
      B.forEach((__, y) => {
        if (!has(B, y) || !opp.has(y)) return;
        contrasts.push([x, y]);
        const opposing = incident[x].filter((j) => edge.kind(j).base === "opposes" && edge.other(j, x) === y);
        pairings.set(x + "," + y, { inferred: opposing.every((j) => !!edge.detail(j).inferred),
          by: union([], opposing.map((j) => edge.detail(j).speaker).filter(Boolean)) });
      });
    });
    // said of one and denied of the other (and said of it by no one): a distinction too
    [[A, B, "b"], [B, A, "a"]].forEach(([S, T, side]) => S.forEach((v, x) => {
      if (!v.yes.length || !T.has(x) || !T.get(x).no.length || has(T, x)) return;
      contrasts.push([x, x]);
      pairings.set(x + "," + x, { inferred: false, by: [], denied: side });
    }));
    const keys = (S) => Array.from(S.keys()).filter((x) => has(S, x));
    const denied = [];
    [[a, A], [b, B]].forEach(([t, S]) => S.forEach((v, x) => { if (v.no.length) denied.push([t, x, v.no, v.yes]); }));
    // the most supported first, then by label: the order `compare` lists them in
    const ranked = (xs, count, label) => xs.map((x) => [count(x), label(x).toLowerCase(), x])
      .sort((p, q) => q[0] - p[0] || (p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0)).map((t) => t[2]);
    const yes = (S, x) => (S.has(x) ? S.get(x).yes : []);
    const alone = (S) => (x) => yes(S, x).length, both = (x) => union(yes(A, x), yes(B, x)).length;
    return {
      onlyA: ranked(keys(A).filter((x) => !has(B, x)), alone(A), node.label),
      onlyB: ranked(keys(B).filter((x) => !has(A, x)), alone(B), node.label),
      shared: ranked(keys(A).filter((x) => has(B, x)), both, node.label),
      contrasts: ranked(contrasts, ([x, y]) => {
        const [sa, sb] = sides(x, y);
        return union(union(sa.yes, sb.yes), pairings.get(x + "," + y).by).length;
      }, ([x]) => node.label(x)),
      pairings, denied, A, B, sides,
      relations: incident[a].filter((j) => edge.other(j, a) === b && a !== b),
    };
  }
  function showCompare(a, b) {
    if (a === b) { refresh("compare two different terms"); return; }
    const r = compareData(a, b), body = openPanel(), la = node.label(a), lb = node.label(b);
    viewing("the comparison", () => showCompare(a, b));
    // each name brings its term into sight, the comparison kept: on a phone, where only
    // the first is in sight at a readable zoom, the other is one tap away
    const title = el("h3");
    [[a, la], [b, lb]].forEach(([t, label], k) => {
      if (k) title.appendChild(document.createTextNode(" vs "));
      const go = button(label, () => panTo(t), "linkish");
      go.title = "Show “" + label + "” in the graph";
      title.appendChild(go);
    });
    body.appendChild(title);
    const paired = new Set();
    r.contrasts.forEach(([x, y]) => { paired.add(x); paired.add(y); });
    const attrItem = (x, who, note) => {
      const li = el("li", null, "ev");
      li.appendChild(nodeLink(x));
      li.appendChild(el("div", "— " + who + (note || ""), "who"));
      return li;
    };
    const names = (xs) => xs.join(", ");
    const ofSide = (xs, t) => xs.map((w) => w + " of " + node.label(t));
    const head = el("div", null, "sides");
    head.appendChild(el("strong", "said of " + la));
    head.appendChild(el("span", "/", "vs"));
    head.appendChild(el("strong", "said of " + lb));
    body.appendChild(el("h4", "Distinctions drawn (" + r.contrasts.length + ")"));
    body.appendChild(head);
    const ul = el("ul");
    r.contrasts.forEach(([x, y]) => {
      const li = el("li", null, "ev"), row = el("div", null, "sides");
      const pairing = r.pairings.get(x + "," + y), [sa, sb] = r.sides(x, y);
      const side = (z, which) => {  // a side denied reads "not: LABEL", as `compare` prints it
        // which side is which, said to a screen reader too (the columns show it to the eye)
        const span = el("span", null);
        span.appendChild(el("span", "said of " + (which === "a" ? la : lb) + ": ", "sr-only"));
        if (pairing.denied === which) span.appendChild(document.createTextNode("not: "));
        span.appendChild(nodeLink(z));
        return span;
      };
      row.appendChild(side(x, "a"));
      row.appendChild(el("span", "/", "vs"));
      row.appendChild(side(y, "b"));
      li.appendChild(row);
      const same = names(sa.yes) === names(sb.yes);
      const whole = pairing.inferred && readBy(sa).length === sa.yes.length && readBy(sb).length === sb.yes.length;
      const parts = (pairing.inferred ? ["the pairing"] : []).concat(ofSide(readBy(sa), a), ofSide(readBy(sb), b));
      const others = pairing.by.filter((w) => sa.yes.indexOf(w) < 0 && sb.yes.indexOf(w) < 0);
      li.appendChild(el("div", "— " + (same ? names(sa.yes) : names(sa.yes) + " / " + names(sb.yes)) +
        (others.length ? "; opposed by " + names(others) : "") + inference(parts, whole) + draftedMark(sa, sb) +
        takenBack(r.A.get(x), r.B.get(y)), "who"));
      ul.appendChild(li);
    });
    if (!r.contrasts.length) ul.appendChild(el("li", "none", "who"));
    body.appendChild(ul);
    const only = (xs, S, T, other) => xs.filter((x) => !paired.has(x)).map((x) => {
      const no = T.has(x) ? T.get(x).no : [], read = readBy(S.get(x));
      return attrItem(x, names(S.get(x).yes), inference(read, read.length === S.get(x).yes.length) +
        (no.length ? " (denied of " + node.label(other) + " by " + no.join(", ") + ")" : "") + draftedMark(S.get(x)) +
        takenBack(S.get(x)));
    });
    section(body, "Said only of " + la, only(r.onlyA, r.A, r.B, b), "none");
    section(body, "Said only of " + lb, only(r.onlyB, r.B, r.A, a), "none");
    // "of both" only what one speaker says of both; else who said it of which
    const shared = (x) => {
      const sa = r.A.get(x), sb = r.B.get(x), both = sa.yes.filter((w) => sb.yes.indexOf(w) >= 0);
      const onlyA = sa.yes.filter((w) => both.indexOf(w) < 0), onlyB = sb.yes.filter((w) => both.indexOf(w) < 0);
      const said = (both.length ? [names(both)] : []).concat(
        onlyA.length ? [(both.length ? "also " : "") + "of " + la + ": " + names(onlyA)] : [],
        onlyB.length ? [(both.length ? "also " : "") + "of " + lb + ": " + names(onlyB)] : []);
      const ra = readBy(sa), rb = readBy(sb);
      const whole = ra.length === sa.yes.length && rb.length === sb.yes.length;
      const parts = ofSide(ra.filter((w) => rb.indexOf(w) < 0), a).concat(
        ofSide(rb.filter((w) => ra.indexOf(w) < 0), b), ra.filter((w) => rb.indexOf(w) >= 0));
      return [both.length > 0, attrItem(x, said.join("; "), inference(parts, whole) + draftedMark(sa, sb) + takenBack(sa, sb))];
    };
    const sharedItems = r.shared.map(shared);
    section(body, "Said of both by one speaker", sharedItems.filter(([one]) => one).map(([, li]) => li), "none");
    const apart = sharedItems.filter(([one]) => !one).map(([, li]) => li);
    if (apart.length) section(body, "Said of " + la + " by some and of " + lb + " by others", apart);
    const denied = r.denied.map(([t, x, no, yes]) => {
      const li = el("li", null, "ev");
      claimLine(li, t, x, undefined, true);
      li.appendChild(el("div", "— denied by " + no.join(", ") + (yes.length ? "; asserted by " + yes.join(", ") : ""), "who"));
      return li;
    });
    if (denied.length) section(body, "Denied", denied);
    if (r.relations.length) section(body, "How they relate", r.relations.map((j) => evidence(j)));
    const keep = new Set([a, b]);
    r.A.forEach((_, x) => keep.add(x));
    r.B.forEach((_, x) => keep.add(x));
    // (on a phone, where both are not in sight at a readable zoom, the first is, the other a pan away)
    narrow(keep, "comparing “" + la + "” with “" + lb + "”", [a, b], a);
  }

  // ---- the thread ------------------------------------------------------------------------
  const detailEdges = new Map(); // evidence index -> the edges that carry it
  for (let j = 0; j < E; j++) {
    const d = edge.detailIndex(j);
    if (!detailEdges.has(d)) detailEdges.set(d, []);
    detailEdges.get(d).push(j);
  }
  let threadBuilt = false;
  if (!data.thread.length) $("thread-toggle").hidden = true;
  // where a piece of evidence stands: the review page says what its decisions kept or rejected
  let reviewed = () => undefined;
  function standOf(d) { return reviewed(d) || (data.edgeDetails[d].status === "draft" ? "draft" : "kept"); }
  /** A mark's look from where its evidence stands: dashed while all of it is a draft, none once all is rejected. */
  function styleMark(mark) {
    const live = mark.getAttribute("data-details").split(" ").map(Number).filter((d) => standOf(d) !== "gone");
    mark.classList.toggle("draft", live.length > 0 && live.every((d) => standOf(d) === "draft"));
    mark.classList.toggle("gone", !live.length);
  }

  /** A message's text with each quoted span marked; a mark knows the evidence it supports. */
  function markedText(m) {
    const text = window.conceptgraphUnwrapped(node.detail(m.node).text || ""), box = el("div", null, "msg-text");
    const cuts = new Set([0, text.length]);
    m.marks.forEach(([s, e]) => { cuts.add(s); cuts.add(e); });
    // what it quotes of another, set apart where it stood: what the words after it answer
    const placed = placedQuotes(m).filter(([at]) => at >= 0);
    placed.forEach(([at]) => cuts.add(Math.min(at, text.length)));
    const quotesAt = (p) => placed.forEach(([at, q]) => {
      if (Math.min(at, text.length) === p) box.appendChild(el("blockquote", q, "msg-quote"));
    });
    const points = Array.from(cuts).sort((x, y) => x - y);
    for (let p = 0; p + 1 < points.length; p++) {
      const s = points[p], e = points[p + 1], piece = text.slice(s, e);
      quotesAt(s);
      const covering = m.marks.filter(([ms, me]) => ms <= s && e <= me);
      if (!covering.length) { box.appendChild(document.createTextNode(visible(piece))); continue; }
      const details = [];
      covering.forEach(([, , ds]) => ds.forEach((d) => { if (details.indexOf(d) < 0) details.push(d); }));
      const mark = el("mark", piece);
      mark.setAttribute("data-start", String(covering[0][0]));
      mark.setAttribute("data-details", details.join(" "));
      styleMark(mark);
      mark.tabIndex = /[\p{L}\p{N}]/u.test(piece) ? 0 : -1; // a space or a full stop between two quotes is no stop
      mark.setAttribute("role", "button"); // (Enter shows what the words support: said so to a screen reader)
      const pick = () => showMarks(details, m.node);
      mark.addEventListener("click", pick);
      mark.addEventListener("keydown", (ev) => { if (ev.key === "Enter") pick(); });
      box.appendChild(mark);
    }
    quotesAt(text.length);
    return box;
  }
  /** [offset, quote] for each quote of message `m`: where it stood in its words when the
   * import knows (one whole number each), else -1 (the thread shows it above them). */
  function placedQuotes(m) {
    const quotes = m.quotes || [], at = m.quotedAt;
    const known = Array.isArray(at) && at.length === quotes.length;
    return quotes.map((q, k) => [known ? at[k] : -1, q]);
  }
  function buildThread() {
    if (threadBuilt) return;
    threadBuilt = true;
    const ol = $("messages");
    // in a dataset of several threads each place opens with its thread's title: said once,
    // as a heading where the thread begins, not on every message (three lines each on a phone)
    const titled = /^“(.*?)” › /;  // (a title may quote a word itself: “Is a “podcast” still…” › comment 3)
    let shownTitle = null;
    data.thread.forEach((m) => {
      const t = titled.exec(m.where || "");
      if (t && t[1] !== shownTitle) {
        const heading = el("li", null, "thread-title");
        heading.appendChild(el("h3", t[1]));
        ol.appendChild(heading);
      }
      shownTitle = t ? t[1] : null;
      const own = (place) => (t && place.startsWith(t[0]) ? place.slice(t[0].length) : place);
      const li = el("li");
      li.id = "message-" + m.node;
      const head = el("div", null, "head");
      head.appendChild(el("strong", m.by || "?"));
      head.appendChild(document.createTextNode(visible(" · " + [own(m.where || ""), m.date,
        m.edited ? "edited" + (m.edited === "yes" ? "" : " " + m.edited) : ""].filter(Boolean).join(" · "))));
      if (m.replyTo !== null && m.replyTo !== undefined) {
        head.appendChild(document.createTextNode(" · replies to "));
        head.appendChild(button(own(node.label(m.replyTo)), () => goToMessage(m.replyTo), "linkish small"));
      }
      if (m.url) {
        head.appendChild(document.createTextNode(" · "));
        head.appendChild(webLink(m.url, "on the site"));
      }
      li.appendChild(head);
      // what it quotes of another, set apart: what a short answer ("Agreed.") is about, never its
      // words; where it stood when the import knows (markedText), else above them
      placedQuotes(m).filter(([at]) => at < 0).forEach(([, q]) => li.appendChild(el("blockquote", q, "msg-quote")));
      li.appendChild(markedText(m));
      ol.appendChild(li);
    });
  }
  let threadOpener = null;
  function openThread(scrollTo) {
    const active = document.activeElement;
    if (active && active !== document.body && !$("thread").contains(active)) threadOpener = active;
    buildThread();
    $("thread").hidden = false;
    $("thread").classList.add("front"); // on a phone, over the panel's sheet and instead of the legend
    showLegend(false);
    $("thread-toggle").setAttribute("aria-pressed", "true");
    if (scrollTo !== undefined) scrollToMessage(scrollTo);
  }
  function closeThread() {
    const had = $("thread").contains(document.activeElement);
    $("thread").hidden = true;
    $("thread-toggle").setAttribute("aria-pressed", "false");
    if (had) giveBack(threadOpener, $("thread-toggle"));
  }
  function scrollToMessage(i) {
    const li = $("message-" + i);
    if (li) li.scrollIntoView({ block: "start" });
  }
  /** "replies to X": the message answered, in sight, with the keyboard on it, and said. */
  function goToMessage(i) {
    const li = $("message-" + i);
    if (!li) return;
    scrollToMessage(i);
    li.tabIndex = -1;
    li.focus({ preventScroll: true });
    refresh("the message answered: " + node.label(i));
  }
  /** Mark every place the thread says ``words`` (lower case), the marks of an earlier search
   * taken away first; the marks made, in the thread's order. */
  function markWords(words) {
    document.querySelectorAll("#messages span.found").forEach((f) => {
      f.replaceWith(document.createTextNode(f.textContent));
    });
    document.querySelectorAll("#messages .msg-text").forEach((t) => t.normalize());
    const made = [];
    if (!words) return made;
    const walker = document.createTreeWalker($("messages"), NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest(".msg-text") && !n.parentElement.closest(".msg-quote")
        ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT), // its words, not those it quotes
    });
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach((n) => {
      const text = n.nodeValue, lower = text.toLowerCase();
      if (lower.length !== text.length) return; // (a letter whose lower case is longer: no place to mark)
      let at = lower.indexOf(words), from = 0;
      if (at < 0) return;
      const out = document.createDocumentFragment();
      while (at >= 0) {
        out.appendChild(document.createTextNode(text.slice(from, at)));
        const f = el("span", text.slice(at, at + words.length), "found");
        out.appendChild(f);
        made.push(f);
        from = at + words.length;
        at = lower.indexOf(words, from);
      }
      out.appendChild(document.createTextNode(text.slice(from)));
      n.replaceWith(out);
    });
    return made;
  }
  /** Open the thread at the words a piece of evidence quotes, and mark them. */
  function inContext(detail) {
    const d = data.edgeDetails[detail];
    openThread();
    const li = $("message-" + d.message);
    if (!li) return null;
    document.querySelectorAll("#messages .flash").forEach((m) => m.classList.remove("flash"));
    const marks = Array.from(li.querySelectorAll("mark")).filter((m) =>
      m.getAttribute("data-details").split(" ").indexOf(String(detail)) >= 0);
    marks.forEach((m) => m.classList.add("flash"));
    (marks[0] || li).scrollIntoView({ block: "center" });
    // the keyboard goes to the words (Escape comes back to what opened the thread); words no
    // mark holds (two terms named together, which the thread does not mark): their message
    const stop = marks.find((m) => m.tabIndex === 0);
    if (stop) stop.focus({ preventScroll: true });
    else if (!marks.length) {
      li.classList.add("flash");
      li.tabIndex = -1;
      li.focus({ preventScroll: true });
    }
    refresh("in context: " + [d.speaker, d.where].filter(Boolean).join(", "));
    return marks.map((m) => m.textContent).join("");
  }
  /** A highlight was clicked: show what it supports and select it on the graph. */
  function showMarks(details, message) {
    const body = openPanel();
    viewing("what the words support", () => showMarks(details, message));
    body.appendChild(el("h3", "What these words support"));
    details = details.filter((d) => standOf(d) !== "gone");
    if (!details.length) body.appendChild(el("p", "Nothing now: what was drafted from them was rejected in this review."));
    const js = [];
    details.forEach((d) => (detailEdges.get(d) || []).forEach((j) => js.push(j)));
    const first = js.filter((j) => edge.kind(j).base !== "asserts"); // a claim shows once, as term has attribute
    section(body, "Claims and relations", (first.length ? first : js).map((j) => evidence(j)));
    body.appendChild(nodeLink(message));
    const shown = js.filter(edgeShown), hid = js.length - shown.length;
    network.setSelection({ nodes: [], edges: shown }, { unselectAll: true, highlightEdges: false });
    // a narrowed view (a comparison, a focus) may hold few of them: the rest are said, not claimed selected
    refresh("selected " + shown.length + " link" + (shown.length === 1 ? "" : "s") + " on the graph" +
      (hid ? " (" + hid + " more outside this view: Show all)" : ""));
    return js;
  }
  $("thread-toggle").addEventListener("click", () => ($("thread").hidden ? openThread() : closeThread()));
  $("thread-close").addEventListener("click", closeThread);

  // ---- selection, focus, camera -------------------------------------------------------------
  /** Show a node that a filter or the focus hides; what was turned back on, in words ("" for nothing). */
  function reveal(i) {
    const said = [];
    if (state.hiddenNodeKinds.has(data.nodes.kind[i])) {
      state.hiddenNodeKinds.delete(data.nodes.kind[i]);
      const box = $("node-kinds").querySelectorAll("input")[data.nodes.kind[i]];
      if (box) box.checked = true;
      said.push(node.kind(i).label + " nodes shown again");
    }
    if (node.draft(i) && !state.showDrafts) {
      state.showDrafts = true;
      $("show-drafts").checked = true;
      said.push("drafts shown again");
    }
    if (state.focusSet && !state.focusSet.has(i)) { state.focusSet = null; said.push("the focus view left"); }
    return said.length ? " (" + said.join(", ") + ", to show it)" : "";
  }
  /** The part of the stage that the panel (at the right) and the thread (at the left) leave
   * the graph in sight, in screen pixels; a phone's sheet takes the bottom. */
  function freeRect() {
    const stage = $("stage").getBoundingClientRect();
    const free = { left: stage.left, right: stage.right, top: stage.top, bottom: stage.bottom, stage };
    [state.panelOpen ? $("panel") : null, $("thread").hidden ? null : $("thread")].forEach((over) => {
      if (!over) return;
      const box = over.getBoundingClientRect();
      if (box.width >= stage.width * 0.9) free.bottom = Math.min(free.bottom, Math.max(box.top, free.top + 1));
      else if (box.left <= stage.left + 1) free.left = Math.max(free.left, Math.min(box.right, free.right - 1));
      else free.right = Math.min(free.right, Math.max(box.left, free.left + 1));
    });
    return free;
  }
  /** Where the panel and the thread leave the graph visible: the camera centres a chosen
   * node there (``x``, ``y``: that middle's offset from the stage's; ``w``, ``h``: its size). */
  function visibleOffset() {
    const f = freeRect(), s = f.stage;
    return { x: (f.left + f.right - s.left - s.right) / 2, y: (f.top + f.bottom - s.top - s.bottom) / 2,
      w: f.right - f.left, h: f.bottom - f.top, l: f.left - s.left, t: f.top - s.top };
  }
  /** Move the camera, at its zoom, to node ``i``, in the middle of the part of the graph
   * the panel leaves in sight. */
  function centreOn(i, animation) {
    const off = visibleOffset(), s = network.getScale(), p = network.getPosition(i);
    network.moveTo({ position: { x: p.x - off.x / s, y: p.y - off.y / s }, scale: s, animation });
  }
  /** Node ``i``, clicked where the panel that opened now covers it (or off the screen's
   * edge): the graph moved, at its zoom, only as far as brings it beside the panel, with
   * room for its label. A node in sight stays where it was clicked. */
  function outFromUnder(i) {
    const free = freeRect();
    const d = shiftInto([i], free, Math.min(24, (free.right - free.left) / 8), Math.min(16, (free.bottom - free.top) / 8));
    if (d.dx || d.dy) moveBy(d, big ? false : { duration: 250 });
  }
  /** How far, in screen pixels, the graph must move to bring nodes ``ids``, each with its
   * label (a person's name under their circle), into the screen rectangle ``free``, less
   * ``mx`` and ``my`` at its sides: the least move, at the zoom as it is; 0 and 0 when
   * they are all in it. */
  function shiftInto(ids, free, mx, my) {
    const net = $("network").getBoundingClientRect();
    const boxes = ids.map((i) => {
      const b = boxOf(i), lo = network.canvasToDOM({ x: b.left, y: b.top }), hi = network.canvasToDOM({ x: b.right, y: b.bottom });
      return { left: net.left + lo.x, top: net.top + lo.y, right: net.left + hi.x, bottom: net.top + hi.y };
    });
    const past = (lo, hi, from, to) => (Math.min(...lo) < from ? Math.min(...lo) - from : Math.max(...hi) > to ? Math.max(...hi) - to : 0);
    return { dx: past(boxes.map((b) => b.left), boxes.map((b) => b.right), free.left + mx, free.right - mx),
      dy: past(boxes.map((b) => b.top), boxes.map((b) => b.bottom), free.top + my, free.bottom - my) };
  }
  /** Node ``i`` with its label, in graph units, as vis-network last drew them (a person's
   * name under their circle); a node not drawn yet is its point. */
  function boxOf(i) {
    const b = network.getBoundingBox(i);
    if (b) return b;
    const { x, y } = network.getPosition(i);
    return { left: x, right: x, top: y, bottom: y };
  }
  /** Move the graph by ``dx``, ``dy`` screen pixels, at its zoom. */
  function moveBy({ dx, dy }, animation) {
    const s = network.getScale(), view = network.getViewPosition();
    network.moveTo({ position: { x: view.x + dx / s, y: view.y + dy / s }, scale: s, animation });
  }
  /** A compared term's name clicked: the camera on it, and it selected. */
  function panTo(i) {
    centreOn(i, big ? false : { duration: 300 });
    network.selectNodes([i]);
  }
  function choose(i, note) {
    const shown = reveal(i); // a box the user had unticked, ticked again: said, not done silently
    showNode(i);
    refresh((note || "“" + node.label(i) + "”") + shown);
    network.selectNodes([i]);
    showAround(i);
  }
  /** Bring a chosen node into the part of the graph the panel leaves in sight, with as
   * much of what it is linked to as fits there at a readable zoom: the node itself is
   * always in sight, its neighbours as near the middle as that allows. */
  function showAround(i) {
    const near = [i];
    incident[i].forEach((j) => { const v = edge.other(j, i); if (nodeShown(v) && !near.includes(v)) near.push(v); });
    const off = visibleOffset(), room = roomInSight(off);
    const ps = near.map((v) => network.getPosition(v));
    const fits = Math.min(room.x / Math.max(span(ps, "x"), 1), room.y / Math.max(span(ps, "y"), 1));
    const s = Math.max(Math.min(fits, Math.max(network.getScale(), big ? 0.6 : 1.0)), readableScale());
    const middle = (k) => { // the neighbourhood's middle, moved toward the node as far as keeps it in sight
      const half = room[k] / 2 / s, [lo, hi] = extent(ps, k);
      return Math.min(Math.max((lo + hi) / 2, ps[0][k] - half), ps[0][k] + half);
    };
    // an animated move redraws many frames: on a big graph each one takes seconds
    network.moveTo({ position: { x: middle("x") - off.x / s, y: middle("y") - off.y / s }, scale: s,
      animation: big ? false : { duration: 300 } });
  }
  function focus(i, depth) {
    const keep = new Set([i]);
    let frontier = [i];
    for (let d = 0; d < depth && frontier.length; d++) {
      const next = [];
      frontier.forEach((u) => incident[u].forEach((j) => {
        const v = edge.other(j, u);
        if (!keep.has(v) && nodeKindVisible(v)) { keep.add(v); next.push(v); }
      }));
      frontier = next;
    }
    // and what the claims of the speakers in it are about: "Marisol —not→ strike" beside
    // sick-out was said of work-to-rule (the focused speaker's claims all, as before)
    Array.from(keep).forEach((u) => {
      if (node.kind(u).kind !== "contributor") return;
      incident[u].forEach((j) => {
        const t = edge.detail(j).termNode;
        if (edge.kind(j).base === "asserts" && t !== undefined && (u === i || keep.has(edge.other(j, u)))) keep.add(t);
      });
    });
    network.selectNodes([i]);
    narrow(keep, "focus on “" + node.label(i) + "”, depth " + depth, undefined, i);
  }
  function nodeKindVisible(v) { return !state.hiddenNodeKinds.has(data.nodes.kind[v]); }
  function narrow(keep, note, must, center) { // show only the nodes in keep, and say why
    state.focusSet = keep;
    refresh(note);
    fitVisible(Array.from(keep).filter(nodeShown), must, center);
  }
  /** Screen pixels kept free around nodes that must stay in sight, for their labels. */
  const LABEL_ROOM = 240;
  /** Screens at least this many pixels wide keep both compared terms in sight. */
  const WIDE = 600;
  /** The screen pixels the panel leaves in sight for nodes, less the room for their labels. */
  function roomInSight(off) {
    return { x: Math.max(off.w - LABEL_ROOM, 1), y: Math.max(off.h - LABEL_ROOM / 2, 1) };
  }
  /** The lowest and the highest ``k`` coordinate of positions ``ps``. */
  function extent(ps, k) { const v = ps.map((p) => p[k]); return [Math.min(...v), Math.max(...v)]; }
  /** How far apart positions ``ps`` lie along ``k``. */
  function span(ps, k) { const [lo, hi] = extent(ps, k); return hi - lo; }
  /** Fit nodes into the part of the graph the panel leaves in sight, zoomed in no
   * further than keeps the nodes ``must`` (the two compared terms) in sight; zoomed in
   * to read them, the node ``center`` (the one focused on) stays in sight. */
  function fitVisible(ids, must, center) {
    network.fit({ nodes: ids, animation: false });
    const off = visibleOffset();
    const stage = $("stage").getBoundingClientRect(), scale = network.getScale(), at = network.getViewPosition();
    const ratio = off.x ? (stage.width + 2 * off.x) / stage.width : off.y ? (stage.height + 2 * off.y) / stage.height : 1;
    let s = Math.max(scale * Math.max(0.2, ratio), readableScale());
    // Readable attributes, but not at the cost of the terms compared, where a screen is wide
    // enough to show both (on a phone the labels stay readable and the terms are a pan away).
    if (must && must.length > 1 && stage.width >= WIDE) {
      const ps = must.map((i) => network.getPosition(i)), room = roomInSight(off);
      s = Math.min(s, room.x / Math.max(span(ps, "x"), 1), room.y / Math.max(span(ps, "y"), 1));
    }
    let { x, y } = at;
    if (center !== undefined) { // the middle of what is shown, moved toward it as far as keeps it in sight
      const p = network.getPosition(center), room = roomInSight(off);
      const near = (v, c, k) => Math.min(Math.max(v, c - room[k] / 2 / s), c + room[k] / 2 / s);
      x = near(x, p.x, "x");
      y = near(y, p.y, "y");
    }
    if (s === scale && !off.x && !off.y && x === at.x && y === at.y) return;
    network.moveTo({ position: { x: x - off.x / s, y: y - off.y / s }, scale: s,
      animation: big ? false : { duration: 300 } });
  }
  /** The zoom at which the smallest label is READABLE pixels high on screen (none on a
   * big graph, which is read by its shape first). */
  const READABLE = 11;
  function readableScale() { return big ? 0 : READABLE / data.labelFont[0]; }
  function showAll() {
    state.focusSet = null;
    refresh();
  }
  $("showall").addEventListener("click", () => { showAll(); network.fit(); });
  // the status line first: redrawn after the camera set off, the move was seen to stop short,
  // a few nodes out of sight
  $("fit").addEventListener("click", () => {
    refresh();
    if (big) { network.fit({ animation: false }); return; }
    network.fit({ animation: { duration: 300 } });
    // the move once stopped short (a third of the nodes in sight, on a phone, under load):
    // once it is over, fit again at once, which changes nothing when it went all the way
    setTimeout(() => network.fit({ animation: false }), 350);
  });
  // Physics is a look at what the forces make of the graph, not a new layout: off, each
  // node goes back to where it was when physics came on. That is where the page drew it,
  // unless the user had dragged it there by hand: their own arrangement, kept.
  let beforePhysics = null;
  /** Every node shown back where ``at`` has it, or where the page drew it; how many of them
   *  had been placed by hand (not where the page drew them). */
  function putBack(at) {
    const ids = nodeView.getIds();
    // in one update: moveNode redraws the whole graph once for each node it moves
    nodes.update(ids.map((i) => ({ id: i, x: data.nodes.x[i], y: data.nodes.y[i] })));
    const byHand = ids.filter((i) => at[i] && Math.hypot(at[i].x - data.nodes.x[i], at[i].y - data.nodes.y[i]) > 0.5);
    byHand.forEach((i) => network.moveNode(i, at[i].x, at[i].y));
    return byHand.length;
  }
  $("physics").addEventListener("click", (ev) => {
    const on = ev.currentTarget.getAttribute("aria-pressed") !== "true";
    ev.currentTarget.setAttribute("aria-pressed", on ? "true" : "false");
    ev.currentTarget.textContent = "Physics: " + (on ? "on" : "off");
    if (on) beforePhysics = network.getPositions();
    network.setOptions({ physics: { enabled: on } });
    if (on) { refresh("physics on: the nodes move until they settle (off puts them back)"); return; }
    const byHand = putBack(beforePhysics || {});
    beforePhysics = null;
    refresh("physics off: the nodes are back where the page drew them" + (!byHand ? ""
      : byHand === 1 ? ", and the one placed by hand where it was put" : ", and the " + byHand + " placed by hand where they were put"));
  });
  // A click opens the panel a moment later, so that the second click of a double-click
  // still lands on the graph (and focuses) instead of on a panel that just opened.
  let pending = null;
  network.on("click", (p) => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (p.nodes.length) { showNode(p.nodes[0]); refresh("“" + node.label(p.nodes[0]) + "”"); outFromUnder(p.nodes[0]); }
      else if (p.edges.length) showEdge(p.edges[0]);
      else hidePanel();
    }, 260);
  });
  network.on("doubleClick", (p) => {
    clearTimeout(pending);
    if (p.nodes.length) focus(p.nodes[0], 1);
  });

  // ---- the keyboard on the graph: arrows go from node to node, Enter opens one ---------------
  const ARROWS = { ArrowRight: [1, 0, "right"], ArrowLeft: [-1, 0, "left"], ArrowDown: [0, 1, "below"],
    ArrowUp: [0, -1, "above"] };
  /** The shown node nearest ``p`` in direction ``d`` (within 45 degrees of it, so that each
   * other node lies in the way of one arrow), or nearest ``p`` in any direction without ``d``. */
  function nearest(p, d, skip) {
    const ids = nodeView.getIds(), at = network.getPositions(ids);
    let best = null, cost = Infinity;
    ids.forEach((v) => {
      if (v === skip) return;
      const dx = at[v].x - p.x, dy = at[v].y - p.y;
      const along = d ? dx * d[0] + dy * d[1] : 0, across = d ? Math.abs(dx * d[1] - dy * d[0]) : 0;
      if (d && (d[0] ? along < across || along <= 0 : along <= across)) return; // on a diagonal: left or right
      if (Math.hypot(dx, dy) < cost) { cost = Math.hypot(dx, dy); best = v; }
    });
    return best;
  }
  /** Where an arrow ``key`` goes from node ``i``: to the nearest node that way; from no node, to
   * the one nearest the middle of the view. */
  function step(i, key) {
    const [dx, dy] = ARROWS[key];
    return i === undefined || i === null ? nearest(network.getViewPosition(), null)
      : nearest(network.getPosition(i), [dx, dy], i);
  }
  function keepInSight(i) {
    const at = network.canvasToDOM(network.getPosition(i)), box = $("network");
    const off = visibleOffset(), w = Math.min(off.w, box.clientWidth), h = Math.min(off.h, box.clientHeight);
    if (at.x < off.l + 40 || at.y < off.t + 40 || at.x > off.l + w - 40 || at.y > off.t + h - 40) centreOn(i, false);
  }
  $("network").addEventListener("keydown", (ev) => {
    const chosen = network.getSelectedNodes().filter(nodeShown)[0];
    if (ARROWS[ev.key]) {
      ev.preventDefault();
      const next = step(chosen, ev.key), where = ARROWS[ev.key][2];
      if (next === null) { refresh(chosen === undefined ? "no node is shown" : "no node " + where + " “" + node.label(chosen) + "”"); return; }
      network.selectNodes([next]);
      keepInSight(next);
      refresh("“" + node.label(next) + "”, " + node.kind(next).label + (node.draft(next) ? ", drafted" : "") +
        ": Enter opens it, arrows go on");
    } else if ((ev.key === "Enter" || ev.key === " ") && chosen !== undefined) {
      ev.preventDefault();
      choose(chosen);
      const first = $("panel-body").querySelector("button, [tabindex='0']");
      if (first && state.panelOpen) { keyboardFrom = $("network"); first.focus(); }
    } else if (ev.key === "+" || ev.key === "=" || ev.key === "-") {
      ev.preventDefault();
      network.moveTo({ scale: network.getScale() * (ev.key === "-" ? 1 / 1.25 : 1.25), animation: false });
    }
  });

  // ---- search: the command line's keys and scores ------------------------------------------
  const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
  function normalise(s) {
    let out = "";
    for (const ch of String(s).normalize("NFKC")) out += own(data.casefold, ch) ? data.casefold[ch] : ch.toLowerCase();
    return out.replace(/[^\p{L}\p{N}]/gu, "");
  }
  function words(s) { return (String(s).match(WORD) || []).map(normalise).filter(Boolean); }
  /** A name with the keys search compares with it, as page.py's _keys gives them. */
  function nameKeys(name) {
    const keys = (s) => [normalise(s), words(s), (String(s).match(/[\p{L}\p{N}]+/gu) || []).map(normalise).filter(Boolean)];
    const bare = unmarked(name);
    return [name, ...keys(name), ...(bare !== name ? [keys(bare)] : [])];
  }
  function score(key, keyWords, whole, nameWords, parts) { // as conceptgraph.names._score
    if (key === whole) return 3;
    const n = keyWords.length;
    if (!n) return 0;
    for (let i = 0; i + n <= nameWords.length; i++) {
      const run = nameWords.slice(i, i + n);
      let same = true;
      for (let k = 0; k < n - 1; k++) if (run[k] !== keyWords[k]) same = false;
      if (same && run[n - 1].startsWith(keyWords[n - 1])) return 2;
    }
    if (n === 1 && parts.some((w) => w.indexOf(keyWords[0]) >= 0)) return 1;
    if (whole.startsWith(key)) return 2;
    return 0;
  }
  const MARKS = new RegExp("[" + data.marks.map(([a, b]) => "\\u{" + a.toString(16) + "}-\\u{" + b.toString(16) + "}")
    .join("") + "]", "gu");
  function unmarked(s) { // as conceptgraph.names.unmarked
    let out = "";
    for (const ch of String(s).normalize("NFKD").replace(MARKS, "")) out += own(data.letters, ch) ? data.letters[ch] : ch;
    return out;
  }
  /** As conceptgraph.names.search: each name compared with the text as typed, and both without accents. */
  function matches(text) {
    const key = normalise(text), keyWords = words(text), bare = unmarked(text), hits = [];
    const bareKey = normalise(bare), bareWords = words(bare);
    if (!key && !bareKey) return hits;
    for (let i = 0; i < N; i++) {
      if (node.kind(i).kind === "message") continue;
      let best = 0, shown = "", starts = false;
      data.names[i].forEach(([name, whole, nameWords, parts, plain]) => {
        let s = key ? score(key, keyWords, whole, nameWords, parts) : 0;
        const [pWhole, pWords, pParts] = plain || [whole, nameWords, parts];
        if ((plain || bare !== text) && bareKey && s < 3) s = Math.max(s, score(bareKey, bareWords, pWhole, pWords, pParts));
        if (s > best) { best = s; shown = name; starts = whole.startsWith(key) || pWhole.startsWith(bareKey); }
      });
      if (best) hits.push({ i, score: best, matched: shown, starts });
    }
    // as conceptgraph.names.search: of equal scores, a name that starts with the text first
    hits.sort((a, b) => b.score - a.score || Number(b.starts) - Number(a.starts) || a.i - b.i);
    return hits;
  }
  const box = $("search"), sugg = $("suggestions");
  let current = [], cursor = -1;
  function renderSuggestions() {
    while (sugg.firstChild) sugg.removeChild(sugg.firstChild);
    current.slice(0, 12).forEach((h, n) => {
      const li = el("li");
      li.id = "suggestion-" + n;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", n === cursor ? "true" : "false");
      const shown = h.matched !== node.label(h.i) && h.matched !== node.detail(h.i).id ? " (" + h.matched + ")" : "";
      li.appendChild(el("span", node.label(h.i) + shown));
      li.appendChild(el("span", node.kind(h.i).label + (node.draft(h.i) ? ", drafted" : ""), "kind"));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(h.i); });
      sugg.appendChild(li);
    });
    sugg.hidden = current.length === 0;
    const n = Math.min(current.length, 12);
    sugg.setAttribute("aria-label", n + (current.length > n ? " of " + current.length : "") + " suggestion" + (n === 1 ? "" : "s"));
    // the option the arrows are on is the one a screen reader reads, the keyboard staying in the box
    box.setAttribute("aria-expanded", sugg.hidden ? "false" : "true");
    if (cursor >= 0 && !sugg.hidden) box.setAttribute("aria-activedescendant", "suggestion-" + cursor);
    else box.removeAttribute("aria-activedescendant");
  }
  function closeSuggestions() {
    sugg.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
  }
  function pick(i) {
    closeSuggestions();
    box.value = node.label(i);
    choose(i, "found “" + node.label(i) + "”");
  }
  box.addEventListener("input", () => { current = matches(box.value); cursor = -1; renderSuggestions(); });
  box.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      const max = Math.min(current.length, 12);
      // no wrapping round: up from the first stays there, as down from the last does
      if (max) { cursor = Math.min(Math.max(cursor + (ev.key === "ArrowDown" ? 1 : -1), 0), max - 1); renderSuggestions(); }
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      current = matches(box.value);
      if (current.length) {
        pick(current[Math.max(cursor, 0)].i);
        // the keyboard goes on in the panel just opened (Escape comes back here)
        const head = $("panel-body").querySelector("h3");
        if (head && state.panelOpen) { keyboardFrom = box; head.tabIndex = -1; head.focus(); }
      } else {
        // said under the box too: on a phone the status line is folded away with the legend
        refresh("nothing matches “" + box.value + "”");
        while (sugg.firstChild) sugg.removeChild(sugg.firstChild);
        sugg.appendChild(el("li", "nothing matches “" + box.value + "”", "none"));
        // as the command line says: the words may be in the messages, though no node is named so
        const words = box.value.trim().toLowerCase();
        const saying = words ? data.thread.filter((m) => (node.detail(m.node).text || "").toLowerCase().includes(words)) : [];
        if (saying.length) {
          const li = el("li", null, "none");
          // (by its place: "the first in the thread" read as the thread's first message)
          const first = node.label(saying[0].node);
          li.appendChild(button((saying.length === 1 ? "1 message says it: " + first : saying.length + " messages say it: "
            + "the first is " + first), () => {
            closeSuggestions();
            openThread(saying[0].node);
            const found = markWords(words);
            if (found[0]) found[0].scrollIntoView({ block: "center" });
            refresh("“" + box.value.trim() + "” marked " + found.length + " time" + (found.length === 1 ? "" : "s") +
              " in " + saying.length + " message" + (saying.length === 1 ? "" : "s"));
          }, "linkish small"));
          li.addEventListener("mousedown", (ev) => ev.preventDefault()); // the box keeps the keyboard till the click
          sugg.appendChild(li);
        }
        sugg.hidden = false;
        box.setAttribute("aria-expanded", "true");
      }
    } else if (ev.key === "Escape") {
      // the first closes the suggestions, the next leaves the box: keys act on the page again
      // (the review's keys, "/" back to search)
      if (sugg.hidden) { ev.stopPropagation(); $("network").focus(); } // (not a focus view ended too)
      else ev.preventDefault(); // (a search box's Escape would clear the words typed: it closes the suggestions only)
      closeSuggestions();
    }
  });
  box.addEventListener("blur", closeSuggestions);
  document.addEventListener("keydown", (ev) => {
    // keys typed into a box or a menu are its own; a check box takes none ("g" from a legend box goes to the graph)
    const a = document.activeElement;
    const typing = ["SELECT", "TEXTAREA"].includes(a.tagName) || (a.tagName === "INPUT" && !["checkbox", "radio"].includes(a.type));
    const keys = document.body.dataset.singleKeys !== "off";
    if (keys && ev.key === "/" && !typing && document.activeElement !== box) { ev.preventDefault(); box.focus(); }
    else if (keys && ev.key === "g" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) { ev.preventDefault(); $("network").focus(); }
    else if (ev.key === "Escape" && document.activeElement !== box) {
      // a panel or the thread closes first, back to where the keyboard was (the search box,
      // after a search), else to the graph, whose keys (the review's too) then act at once;
      // then a focus view ends
      if ($("legend").classList.contains("open")) { showLegend(false); $("legend-toggle").focus(); }
      else if (!$("thread").hidden && $("thread").contains(document.activeElement) && state.panelOpen) closeThread();
      else if (state.panelOpen || !$("thread").hidden) {
        const back = keyboardFrom || $("network");
        hidePanel(); closeThread(); back.focus(); keyboardFrom = null;
      }
      else if (state.focusSet) { showAll(); network.fit(); }
    }
  });

  // ---- first view ----------------------------------------------------------------------------
  // The whole graph, unless its labels would then be too small to read: then, at a size that
  // can be read, the two terms most linked (the thread's question, most often), or the first
  // of them where both do not fit: the middle of the layout may hold neither (Fit shows it all).
  network.fit({ animation: false });
  if (network.getScale() < readableScale()) {
    const s = readableScale(), stage = $("stage").getBoundingClientRect();
    const terms = Array.from({ length: N }, (_, i) => i).filter((i) => node.kind(i).kind === "term")
      .sort((a, b) => incident[b].length - incident[a].length || a - b).slice(0, 2).map((i) => network.getPosition(i));
    // (with room for half of each one's label either side)
    const both = terms.length === 2 && Math.abs(terms[0].x - terms[1].x) * s + 160 < stage.width &&
      Math.abs(terms[0].y - terms[1].y) * s + 60 < stage.height;
    const at = both ? { x: (terms[0].x + terms[1].x) / 2, y: (terms[0].y + terms[1].y) / 2 } : terms[0];
    network.moveTo(Object.assign({ scale: s, animation: false }, at ? { position: at } : {}));
    state.note = "zoomed in to where labels can be read: Fit shows the whole graph";
  }
  refresh(state.note);
  if (data.focus !== null && data.focus !== undefined) { network.selectNodes([data.focus]); showNode(data.focus); }
  window.conceptgraph = {
    network, nodes, edges, data, state, refresh, choose, focus, showAll, compare: showCompare, compareData,
    matches, normalise, openThread, inContext, showMarks, step, markWords,
    canvasLabel: (s) => onCanvas(visible(s)), // a label as the graph draws it
    nameKeys, setCounts, nodeLook, edgeLook, spotlight, readableScale, shiftInto, moveBy, boxOf,
    /** The review page tells where each piece of evidence stands (``stand(detail)``: "kept",
        "gone" or undefined for as drafted): the thread's marks follow. */
    standBy(stand) { reviewed = stand; document.querySelectorAll("#messages mark").forEach(styleMark); },
  };
});
