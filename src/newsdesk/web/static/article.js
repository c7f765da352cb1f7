// Highlight and scroll to the span named in the URL fragment: #c<start>-<end> (offsets into the clean text).
// The article body's text nodes, in order, are exactly the clean text, so offsets map to DOM positions.
(function () {
  "use strict";
  var body = document.getElementById("article-body");
  if (!body) { return; }

  function clearTargets() {
    var marks = body.querySelectorAll("mark.target");
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i], parent = m.parentNode;
      while (m.firstChild) { parent.insertBefore(m.firstChild, m); }
      parent.removeChild(m);
    }
    body.normalize();
  }

  function textNodes() {
    var out = [], walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, null);
    var node;
    while ((node = walker.nextNode())) { out.push(node); }
    return out;
  }

  function highlight(start, end) {
    clearTargets();
    var nodes = textNodes(), pos = 0, first = null;
    for (var i = 0; i < nodes.length && pos < end; i++) {
      var node = nodes[i], len = node.data.length, a = Math.max(start - pos, 0), b = Math.min(end - pos, len);
      if (b > a) {
        var piece = node;
        if (a > 0) { piece = piece.splitText(a); }
        if (b - a < piece.data.length) { piece.splitText(b - a); }
        var mark = document.createElement("mark");
        mark.className = "target";
        piece.parentNode.insertBefore(mark, piece);
        mark.appendChild(piece);
        if (!first) { first = mark; }
      }
      pos += len;
    }
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.scrollIntoView({block: "center"});
      first.focus({preventScroll: true});
    }
    return first;
  }

  function fromHash() {
    var m = /^#c(\d+)-(\d+)$/.exec(window.location.hash);
    if (m && Number(m[2]) > Number(m[1])) { highlight(Number(m[1]), Number(m[2])); }
  }

  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
