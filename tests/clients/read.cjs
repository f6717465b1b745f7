// Load an export with the real JavaScript client and print what it sees, as JSON:
//   node tests/clients/read.cjs gexf|graphml|cytoscape FILE
// graphology (with graphology-gexf / graphology-graphml) is the parser behind sigma.js
// and Gephi Lite; cytoscape is Cytoscape.js, run headless.
"use strict";
const fs = require("fs");
const [format, file] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");

function fromGraphology(graph) {
  const nodes = [];
  graph.forEachNode((id, a) => nodes.push({ id, ...a }));
  const edges = [];
  graph.forEachEdge((key, a, source, target, _sa, _ta, undirected) => edges.push({ key, source, target, undirected, ...a }));
  return { type: graph.type, multi: graph.multi, attributes: graph.getAttributes(), nodes, edges };
}

let out;
if (format === "gexf") {
  const { MultiGraph } = require("graphology");
  const gexf = require("graphology-gexf");
  out = fromGraphology(gexf.parse(MultiGraph, text, { allowUndeclaredAttributes: false }));
} else if (format === "graphml") {
  const { MultiGraph } = require("graphology");
  const graphml = require("graphology-graphml");
  out = fromGraphology(graphml.parse(MultiGraph, text));
} else if (format === "cytoscape") {
  const cytoscape = require("cytoscape");
  const exported = JSON.parse(text);
  // As a user starts Cytoscape.js with the file: its own options, headless.
  const cy = cytoscape({ headless: true, styleEnabled: true, ...exported });
  const nodes = cy.nodes().map((n) => ({ ...n.data(), position: n.position() }));
  const edges = cy.edges().map((e) => ({ ...e.data() }));
  const again = cytoscape({ headless: true });
  again.json(exported); // the other documented way in: cy.json(object)
  const positions = again.nodes().map((n) => ({ id: n.id(), position: n.position() }));
  const styled = cy.nodes().map((n) => ({ id: n.id(), color: n.style("background-color"), shape: n.style("shape") }));
  out = { nodes, edges, jsonPositions: positions, styled };
  cy.destroy();
  again.destroy();
} else {
  throw new Error("unknown format " + format);
}
process.stdout.write(JSON.stringify(out), () => process.exit(0));
