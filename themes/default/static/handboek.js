/* handboek: search (works from file://), copy buttons and the print button. No network,
   no dependencies. UI strings come from data- attributes written by the templates. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function snippet(text, word) {
    var at = fold(text).indexOf(word);
    if (at < 0) return text.slice(0, 140);
    var start = Math.max(0, at - 60);
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space < at) start = space + 1;
    return (start > 0 ? "… " : "") + text.slice(start, start + 160) + (start + 160 < text.length ? " …" : "");
  }

  /* Every word must occur; titles and section headings weigh more than body text. */
  function score(page, words) {
    var title = fold(page.t), body = fold(page.x), total = 0;
    var heads = page.h.map(function (h) { return fold(h[1]); }).join(" ");
    for (var i = 0; i < words.length; i++) {
      var w = words[i], s = 0;
      if (title.indexOf(w) >= 0) s += 10;
      if (heads.indexOf(w) >= 0) s += 5;
      if (body.indexOf(w) >= 0) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function bestSection(page, words) {
    for (var i = 0; i < page.h.length; i++) {
      var h = fold(page.h[i][1]);
      if (words.every(function (w) { return h.indexOf(w) >= 0; })) return page.h[i];
    }
    return null;
  }

  function setUpSearch(box) {
    var pages = window.HANDBOEK_SEARCH;
    if (!pages) return;
    var input = box.querySelector("input");
    var list = box.querySelector("ul");
    var status = box.querySelector("[role=status]");
    box.hidden = false;

    function show() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      list.textContent = "";
      if (!words.length) { status.textContent = ""; return; }
      var hits = pages
        .map(function (p) { return { page: p, score: score(p, words) }; })
        .filter(function (h) { return h.score > 0; })
        .sort(function (a, b) { return b.score - a.score; })
        .slice(0, 8);
      status.textContent = hits.length === 0 ? box.getAttribute("data-none")
        : hits.length === 1 ? box.getAttribute("data-found-one")
        : box.getAttribute("data-found").replace("{n}", hits.length);
      hits.forEach(function (hit) {
        var section = bestSection(hit.page, words);
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = hit.page.u + (section ? "#" + section[0] : "");
        a.textContent = hit.page.t + (section ? " › " + section[1] : "");
        var p = document.createElement("p");
        p.textContent = snippet(hit.page.x, words[0]);
        li.appendChild(a);
        li.appendChild(p);
        list.appendChild(li);
      });
    }

    input.addEventListener("input", show);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); window.location.href = first.href; }
      } else if (event.key === "Escape") {
        input.value = "";
        show();
      }
    });
  }

  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {});
      return;
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-999rem";
    document.body.appendChild(area);
    area.select();
    try { if (document.execCommand("copy")) done(); } catch (e) { /* nothing to copy to */ }
    document.body.removeChild(area);
  }

  /* A copy button after every address that a reader types (link text = the address). */
  function setUpCopyButtons(root) {
    var label = root.getAttribute("data-copy");
    var copied = root.getAttribute("data-copied");
    if (!label) return;
    root.querySelectorAll(".content a[href^='https://']").forEach(function (a) {
      if (a.textContent.trim() !== a.getAttribute("href")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = label;
      button.setAttribute("aria-label", label + ": " + a.textContent);
      button.addEventListener("click", function () {
        copy(a.getAttribute("href"), function () {
          button.textContent = copied;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
      a.insertAdjacentElement("afterend", button);
    });
  }

  document.querySelectorAll("[data-search]").forEach(setUpSearch);
  setUpCopyButtons(document.body);
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
