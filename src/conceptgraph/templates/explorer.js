/* conceptgraph explorer. Every string from the dataset reaches the page through
   textContent or the canvas, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function normalise(s) {
    return String(s).normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }
  function list(v) { return Array.isArray(v) ? v : (v ? [v] : []); }

  // ---- heading -------------------------------------------------------------------
  var src = data.source;
  $("title").textContent = src.title || "Concept graph";
  $("byline").textContent = [src.author, src.date].filter(Boolean).join(" · ");
  document.title = src.title || "Concept graph";

  // ---- data sets -------------------------------------------------------------------
  var N = data.nodes.length, E = data.edges.length, big = data.big;
  var groups = {};
  data.nodeKinds.forEach(function (k, i) {
    groups["k" + i] = {
      shape: k.shape,
      color: { background: k.color, border: k.border,
               highlight: { background: k.color, border: "#f59e0b" }, hover: { background: k.color, border: "#f59e0b" } },
      font: { color: k.font, size: k.shape === "box" ? 16 : 13, bold: k.shape === "box" ? { color: k.font } : undefined },
      borderWidth: 1.5
    };
  });
  var incident = [];
  for (var i = 0; i < N; i++) incident.push([]);
  var pairCount = {};
  var visEdges = data.edges.map(function (e, j) {
    var k = data.edgeKinds[e[2]];
    incident[e[0]].push(j);
    if (e[1] !== e[0]) incident[e[1]].push(j);
    var pair = e[0] < e[1] ? e[0] + "," + e[1] : e[1] + "," + e[0];
    var nth = pairCount[pair] = (pairCount[pair] || 0) + 1;
    // On big graphs every redraw strokes every link: dashes and arrow heads cost too much there.
    var edge = {
      id: j, from: e[0], to: e[1], width: k.width, dashes: big ? false : k.dashes,
      color: { color: k.color, highlight: k.color, hover: k.color, opacity: 0.85 },
      arrows: { to: { enabled: !big && !!k.arrows, scaleFactor: 0.5 } }
    };
    if (!big && nth > 1) {  // parallel edges fan out instead of hiding each other
      edge.smooth = { enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.floor(nth / 2 + 0.5) };
    }
    return edge;
  });
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    return { id: i, label: n[0], group: "k" + n[1], x: n[2], y: n[3], value: n[4] };
  }));
  var edges = new vis.DataSet(visEdges);

  var hiddenNodeKinds = {}, hiddenEdgeKinds = {}, focusSet = null;
  var nodeView = new vis.DataView(nodes, { filter: function (n) {
    return !hiddenNodeKinds[data.nodes[n.id][1]] && (!focusSet || focusSet.has(n.id));
  } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    var d = data.edges[e.id];
    return !hiddenEdgeKinds[d[2]] && !hiddenNodeKinds[data.nodes[d[0]][1]] && !hiddenNodeKinds[data.nodes[d[1]][1]] &&
      (!focusSet || (focusSet.has(d[0]) && focusSet.has(d[1])));
  } });

  var options = {
    autoResize: true,
    physics: { enabled: false, solver: "forceAtlas2Based", stabilization: false,
               forceAtlas2Based: { gravitationalConstant: -60, springLength: 120 } },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 300,
                   keyboard: false, multiselect: false },
    nodes: { scaling: { min: 8, max: 36, label: { enabled: true, min: 14, max: 30, drawThreshold: 5, maxVisible: 36 } } },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5 },
    groups: groups
  };
  var network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, options);
  var drawn = false;
  network.on("afterDrawing", function () {
    if (!drawn) { drawn = true; document.body.setAttribute("data-drawn", "1"); }
  });

  // ---- legend and filters ------------------------------------------------------------
  function legendItem(kind, i, hidden, isNode) {
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true;
    box.setAttribute("data-kind", kind.kind);
    box.addEventListener("change", function () {
      if (box.checked) delete hidden[i]; else hidden[i] = true;
      nodeView.refresh(); edgeView.refresh();
      status();
    });
    var mark = el("span", null, isNode ? "swatch " + kind.shape : "line");
    if (isNode) { mark.style.background = kind.color; mark.style.borderColor = kind.border; }
    else {
      mark.style.borderTopColor = kind.color;
      mark.style.borderTopStyle = kind.dashes ? (Array.isArray(kind.dashes) && kind.dashes[0] < 4 ? "dotted" : "dashed") : "solid";
      mark.style.borderTopWidth = Math.max(2, Math.min(4, kind.width + 1)) + "px";
    }
    label.appendChild(box); label.appendChild(mark);
    label.appendChild(el("span", kind.label + (isNode || !kind.arrows ? "" : " →")));
    label.appendChild(el("span", kind.count, "count"));
    li.appendChild(label);
    return li;
  }
  data.nodeKinds.forEach(function (k, i) { $("node-kinds").appendChild(legendItem(k, i, hiddenNodeKinds, true)); });
  data.edgeKinds.forEach(function (k, i) { $("edge-kinds").appendChild(legendItem(k, i, hiddenEdgeKinds, false)); });

  function status(text) {
    var shown = nodeView.length, links = edgeView.length;
    $("status").textContent = (text ? text + " · " : "") + shown + " of " + N + " nodes, " + links + " of " + E + " links shown";
  }

  // ---- details panel -------------------------------------------------------------------
  var FIELDS = { aliases: "Also written", gloss: "Gloss", description: "Description", role: "Role",
                 where: "Where", quote: "Said", id: "Id" };
  function label(i) { return data.nodes[i][0]; }
  function nodeLink(i) {
    var b = el("button", label(i), "linkish");
    b.type = "button";
    b.addEventListener("click", function () { choose(i); });
    return b;
  }
  function openPanel() {
    var body = $("panel-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    $("panel").hidden = false;
    return body;
  }
  function badge(text, color) {
    var b = el("span", text, "badge");
    b.style.background = color;
    return b;
  }
  function evidence(j, from) {
    var e = data.edges[j], d = data.edgeDetails[e[3]], k = data.edgeKinds[e[2]];
    var li = el("li", null, "ev"), line = el("div");
    if (from === undefined || from !== e[0]) line.appendChild(nodeLink(e[0])); else line.appendChild(el("strong", label(e[0])));
    line.appendChild(el("span", " " + k.phrase + " ", /denied/.test(k.kind) ? "denied" : ""));
    if (from === undefined || from !== e[1]) line.appendChild(nodeLink(e[1])); else line.appendChild(el("strong", label(e[1])));
    if (d.term && /^asserts/.test(k.kind)) line.appendChild(el("span", " of " + d.term));
    li.appendChild(line);
    if (d.quote) li.appendChild(el("blockquote", "“" + d.quote + "”"));
    var who = [d.speaker, d.where].filter(Boolean).join(", ");
    if (who) li.appendChild(el("div", "— " + who, "who"));
    return li;
  }
  function showNode(i) {
    var body = openPanel(), kind = data.nodeKinds[data.nodes[i][1]], det = data.nodeDetails[i];
    body.appendChild(el("h3", label(i)));
    body.appendChild(badge(kind.label, kind.border));
    var dl = el("dl");
    Object.keys(FIELDS).forEach(function (f) {
      if (!det[f] || (f === "id" && det.id === label(i))) return;
      dl.appendChild(el("dt", FIELDS[f]));
      dl.appendChild(el("dd", f === "quote" ? "“" + det.quote + "”" : list(det[f]).join(", ")));
    });
    Object.keys(det).forEach(function (f) {
      if (FIELDS[f] || det[f] === "" || det[f] === null) return;
      dl.appendChild(el("dt", f)); dl.appendChild(el("dd", list(det[f]).join(", ")));
    });
    body.appendChild(dl);

    var tools = el("div"); tools.id = "focus-tools";
    var depth = el("select");
    [1, 2, 3].forEach(function (d) { var o = el("option", "depth " + d); o.value = d; depth.appendChild(o); });
    var go = el("button", "Focus here"); go.type = "button"; go.id = "focus-here";
    go.addEventListener("click", function () { focus(i, +depth.value); });
    tools.appendChild(go); tools.appendChild(depth);
    body.appendChild(tools);
    if (kind.kind === "term") body.appendChild(compareTools(i));

    var inc = incident[i];
    body.appendChild(el("h4", "Who says what (" + inc.length + ")"));
    var ol = el("ol");
    inc.slice(0, 300).forEach(function (j) { ol.appendChild(evidence(j, i)); });
    if (inc.length > 300) ol.appendChild(el("li", "… and " + (inc.length - 300) + " more"));
    body.appendChild(ol);

    var seen = {}, neighbours = [];
    inc.forEach(function (j) {
      var e = data.edges[j], other = e[0] === i ? e[1] : e[0];
      if (!seen[other] && other !== i) { seen[other] = true; neighbours.push(other); }
    });
    neighbours.sort(function (a, b) { return label(a).localeCompare(label(b)); });
    body.appendChild(el("h4", "Neighbours (" + neighbours.length + ")"));
    var ul = el("ul");
    neighbours.slice(0, 300).forEach(function (n) { var li = el("li"); li.appendChild(nodeLink(n)); ul.appendChild(li); });
    if (neighbours.length > 300) ul.appendChild(el("li", "… and " + (neighbours.length - 300) + " more"));
    body.appendChild(ul);
  }
  // ---- the post's question: how do two terms differ? -----------------------------------
  var terms = [];
  data.nodes.forEach(function (n, i) { if (data.nodeKinds[n[1]].kind === "term") terms.push(i); });
  terms.sort(function (a, b) { return label(a).localeCompare(label(b)); });
  function compareTools(i) {
    var row = el("div"); row.id = "compare-tools";
    var pick = el("select"); pick.id = "compare-with"; pick.setAttribute("aria-label", "Term to compare with");
    terms.forEach(function (t) { if (t !== i) { var o = el("option", label(t)); o.value = t; pick.appendChild(o); } });
    var go = el("button", "Compare with"); go.type = "button"; go.id = "compare-go";
    go.addEventListener("click", function () { showCompare(i, +pick.value); });
    row.appendChild(go); row.appendChild(pick);
    return row;
  }
  function claimsOf(t) {  // attribute -> {yes: [speaker], no: [speaker]}
    var out = {};
    incident[t].forEach(function (j) {
      var e = data.edges[j], k = data.edgeKinds[e[2]].kind;
      if (e[0] !== t || (k !== "claim" && k !== "claim (denied)")) return;
      var a = e[1], who = data.edgeDetails[e[3]].speaker || "?";
      var side = out[a] || (out[a] = { yes: [], no: [] });
      var list = k === "claim" ? side.yes : side.no;
      if (list.indexOf(who) < 0) list.push(who);
    });
    return out;
  }
  function opposedTo(x) {
    var out = {};
    incident[x].forEach(function (j) {
      var e = data.edges[j];
      if (data.edgeKinds[e[2]].kind === "opposes") out[e[0] === x ? e[1] : e[0]] = true;
    });
    return out;
  }
  function union(a, b) { return a.concat(b.filter(function (x) { return a.indexOf(x) < 0; })); }
  function showCompare(a, b) {
    var A = claimsOf(a), B = claimsOf(b), body = openPanel();
    body.appendChild(el("h3", label(a) + " vs " + label(b)));
    var has = function (side, x) { return side[x] && side[x].yes.length; };
    var pairs = [], paired = {};
    Object.keys(A).forEach(function (x) {
      if (!has(A, x)) return;
      var opp = opposedTo(+x);
      Object.keys(B).forEach(function (y) {
        if (has(B, y) && opp[y] && x !== y) { pairs.push([+x, +y]); paired[x] = paired[y] = true; }
      });
    });
    function section(title, items) {
      body.appendChild(el("h4", title + " (" + items.length + ")"));
      var ul = el("ul");
      items.forEach(function (item) { ul.appendChild(item); });
      if (!items.length) ul.appendChild(el("li", "none", "who"));
      body.appendChild(ul);
    }
    function attrItem(x, who, note) {
      var li = el("li", null, "ev");
      li.appendChild(nodeLink(x));
      li.appendChild(el("div", "— " + who.join(", ") + (note || ""), "who"));
      return li;
    }
    section("Distinctions drawn", pairs.map(function (p) {
      var li = el("li", null, "ev");
      li.appendChild(nodeLink(p[0])); li.appendChild(el("span", " / ")); li.appendChild(nodeLink(p[1]));
      li.appendChild(el("div", "— " + union(A[p[0]].yes, B[p[1]].yes).join(", "), "who"));
      return li;
    }));
    var only = function (S, T, other) {
      return Object.keys(S).filter(function (x) { return has(S, x) && !has(T, x) && !paired[x]; }).map(function (x) {
        var denied = T[x] && T[x].no.length ? " (denied of " + label(other) + " by " + T[x].no.join(", ") + ")" : "";
        return attrItem(+x, S[x].yes, denied);
      });
    };
    section("Said only of " + label(a), only(A, B, b));
    section("Said only of " + label(b), only(B, A, a));
    section("Said of both", Object.keys(A).filter(function (x) { return has(A, x) && has(B, x); }).map(function (x) {
      return attrItem(+x, union(A[x].yes, B[x].yes));
    }));
    var denied = [];
    [[a, A], [b, B]].forEach(function (side) {
      Object.keys(side[1]).forEach(function (x) {
        var no = side[1][x].no;
        if (!no.length) return;
        var li = el("li", null, "ev");
        li.appendChild(el("span", label(side[0]) + " is not "));
        li.appendChild(nodeLink(+x));
        li.appendChild(el("div", "— denied by " + no.join(", ") +
          (side[1][x].yes.length ? "; asserted by " + side[1][x].yes.join(", ") : ""), "who"));
        denied.push(li);
      });
    });
    if (denied.length) section("Denied", denied);
    var between = incident[a].filter(function (j) {
      var e = data.edges[j];
      return (e[0] === a && e[1] === b) || (e[0] === b && e[1] === a);
    });
    if (between.length) section("How they relate", between.map(function (j) { return evidence(j); }));
    var keep = new Set([a, b]);
    Object.keys(A).concat(Object.keys(B)).forEach(function (x) { keep.add(+x); });
    narrow(keep, "comparing “" + label(a) + "” with “" + label(b) + "”");
  }

  function showEdge(j) {
    var body = openPanel(), e = data.edges[j], k = data.edgeKinds[e[2]];
    body.appendChild(el("h3", label(e[0]) + " " + k.phrase + " " + label(e[1])));
    body.appendChild(badge(k.label, k.color));
    var ol = el("ol");
    ol.appendChild(evidence(j));
    body.appendChild(ol);
    var others = incident[e[0]].filter(function (x) {
      var f = data.edges[x];
      return x !== j && ((f[0] === e[0] && f[1] === e[1]) || (f[0] === e[1] && f[1] === e[0]));
    });
    if (others.length) {
      body.appendChild(el("h4", "Other links between them (" + others.length + ")"));
      var more = el("ol");
      others.forEach(function (x) { more.appendChild(evidence(x)); });
      body.appendChild(more);
    }
  }
  function hidePanel() { $("panel").hidden = true; network.unselectAll(); }
  $("close").addEventListener("click", hidePanel);

  // ---- selection, focus, search ---------------------------------------------------------
  function reveal(i) {  // refreshing the views re-filters every node and link: only when needed
    if (hiddenNodeKinds[data.nodes[i][1]]) {
      delete hiddenNodeKinds[data.nodes[i][1]];
      var box = $("node-kinds").querySelectorAll("input")[data.nodes[i][1]];
      if (box) box.checked = true;
      nodeView.refresh(); edgeView.refresh();
    }
    if (focusSet && !focusSet.has(i)) showAll();
  }
  function choose(i) {
    reveal(i);
    showNode(i);  // first, so that the camera centres in the space the panel leaves
    network.selectNodes([i]);
    // an animated move redraws many frames: on a big graph each one takes seconds
    network.focus(i, { scale: Math.max(network.getScale(), big ? 0.6 : 1.0), animation: big ? false : { duration: 300 } });
  }
  function focus(i, depth) {
    var keep = new Set([i]), frontier = [i];
    for (var d = 0; d < depth; d++) {
      var next = [];
      frontier.forEach(function (u) {
        incident[u].forEach(function (j) {
          var e = data.edges[j], v = e[0] === u ? e[1] : e[0];
          if (!keep.has(v)) { keep.add(v); next.push(v); }
        });
      });
      frontier = next;
    }
    network.selectNodes([i]);
    narrow(keep, "focus on “" + label(i) + "”, depth " + depth);
  }
  function narrow(keep, note) {  // show only the nodes in keep, and say why
    focusSet = keep;
    nodeView.refresh(); edgeView.refresh();
    $("showall").hidden = false;
    network.fit({ nodes: Array.from(keep), animation: big ? false : { duration: 300 } });
    status(note);
  }
  function showAll() {
    focusSet = null;
    nodeView.refresh(); edgeView.refresh();
    $("showall").hidden = true;
    status();
  }
  $("showall").addEventListener("click", function () { showAll(); network.fit(); });
  $("fit").addEventListener("click", function () { network.fit({ animation: big ? false : { duration: 300 } }); });
  $("physics").addEventListener("click", function () {
    var on = this.getAttribute("aria-pressed") !== "true";
    this.setAttribute("aria-pressed", on ? "true" : "false");
    this.textContent = "Physics: " + (on ? "on" : "off");
    network.setOptions({ physics: { enabled: on } });
  });
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else hidePanel();
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) focus(p.nodes[0], 1); });

  var names = data.nodes.map(function (n, i) {
    var det = data.nodeDetails[i];
    return [n[0], det.id].concat(list(det.aliases)).map(function (s) { return [s, normalise(s)]; });
  });
  function matches(text) {
    var key = normalise(text), hits = [];
    if (!key) return hits;
    for (var i = 0; i < N; i++) {
      var best = 0, shown = "";
      for (var k = 0; k < names[i].length; k++) {
        var n = names[i][k][1];
        var s = n === key ? 3 : n.indexOf(key) === 0 ? 2 : n.indexOf(key) > 0 ? 1 : 0;
        if (s > best) { best = s; shown = names[i][k][0]; }
      }
      if (best) hits.push({ i: i, score: best, matched: shown });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return hits;
  }
  var box = $("search"), sugg = $("suggestions"), current = [], cursor = -1;
  function renderSuggestions() {
    while (sugg.firstChild) sugg.removeChild(sugg.firstChild);
    current.slice(0, 12).forEach(function (h, n) {
      var li = el("li"); li.setAttribute("role", "option");
      li.setAttribute("aria-selected", n === cursor ? "true" : "false");
      var text = label(h.i) + (h.matched !== label(h.i) && h.matched !== data.nodeDetails[h.i].id ? " (" + h.matched + ")" : "");
      li.appendChild(el("span", text));
      li.appendChild(el("span", data.nodeKinds[data.nodes[h.i][1]].label, "kind"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h.i); });
      sugg.appendChild(li);
    });
    sugg.hidden = current.length === 0;
  }
  function pick(i) {
    sugg.hidden = true;
    box.value = label(i);
    choose(i);
    status("found “" + label(i) + "”");
  }
  box.addEventListener("input", function () { current = matches(box.value); cursor = -1; renderSuggestions(); });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      var max = Math.min(current.length, 12);
      if (max) { cursor = (cursor + (ev.key === "ArrowDown" ? 1 : max - 1)) % max; renderSuggestions(); }
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      current = matches(box.value);
      if (current.length) pick(current[Math.max(cursor, 0)].i);
      else { sugg.hidden = true; status("nothing matches “" + box.value + "”"); }
    } else if (ev.key === "Escape") { sugg.hidden = true; }
  });
  box.addEventListener("blur", function () { sugg.hidden = true; });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== box) { ev.preventDefault(); box.focus(); }
    else if (ev.key === "Escape" && document.activeElement !== box) hidePanel();
  });

  // ---- first view -------------------------------------------------------------------------
  status();
  if (data.focus !== null && data.focus !== undefined) { network.selectNodes([data.focus]); showNode(data.focus); }
  window.conceptgraph = {
    network: network, nodes: nodes, edges: edges, data: data,
    choose: choose, focus: focus, showAll: showAll, compare: showCompare
  };
})();
