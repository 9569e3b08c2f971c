/* Scholion page behaviour: label toggles, filter, tooltips, selection, the annotations list, the map
   and (in the viewer) live updates. The text and its highlights are server-rendered; everything else
   comes from one JSON block (#data) parsed once. The list draws only the rows near the view, so a
   document of tens of thousands of spans opens as fast as a short one. A large document served by the
   viewer carries only the first slice of its text: the others are placeholders (.slice) filled from the
   viewer as they come near the view or hold a span being selected. Text is only ever set through
   textContent; markup comes only from the page's own server. */
(function () {
  'use strict';
  var PAGE = 200;
  var off = new Set();
  var query = '';
  var selected = null;
  var data = none();
  var byId = new Map();
  var order = [];
  var lo = 0;
  var hi = 0;
  var relShown = 0;
  var painted = false;
  var linked = []; // the relations both of whose spans are known, in data order
  var tip = document.getElementById('tip');
  var observer = null;
  var sliceObserver = null;
  var loading = new Map();

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function $(id) {
    return document.getElementById(id);
  }

  /* One span of the data block: [id, label, start, end, quote, note, annotator, created], then for a span
     with attributes or links {name: value} and [[text, iri or null], ...]. */
  function Span(row, n) {
    var label = data.labels[row[1]];
    this.id = row[0];
    this.n = n;
    this.label = label[0];
    this.set = label[1];
    this.k = label[2];
    this.start = row[2];
    this.end = row[3];
    this.quote = row[4];
    this.note = row[5];
    this.who = row[6];
    this.created = row[7];
    // most spans have no attributes, links or relations: they share one empty list, so that
    // 200,000 spans do not make 600,000 arrays before the page can be used
    var attributes = row[8];
    this.attrs = attributes ? Object.keys(attributes).sort().map(function (name) { return name + '=' + attributes[name]; })
      : NONE;
    this.links = row[9] || NONE;
    this.ends = NONE;
    this.haystack = null;
  }

  var NONE = [];

  /* The span's relations in words, as the brief's table has them, made when they are shown. */
  Span.prototype.rels = function () {
    var s = this;
    return s.ends.map(function (e) {
      var other = e[2];
      return e[0] ? e[1] + ' #' + other.n + ' (' + shorten(other.quote, 40) + ')'
        : '#' + other.n + ' (' + shorten(other.quote, 40) + ') ' + e[1] + ' this';
    });
  };

  Span.prototype.text = function () {
    if (this.haystack === null) {
      this.haystack = [this.n, this.label, this.quote, this.note || '', this.who || '', this.created || '',
        this.rels().join(' '), this.attrs.join(' '), this.links.map(function (l) { return l[0]; }).join(' ')]
        .join(' ').toLowerCase();
    }
    return this.haystack;
  };

  /* The first code points of a one-line quote, with an ellipsis when cut. */
  function shorten(text, codePoints) {
    var chars = Array.from(text);
    return chars.length <= codePoints ? text : chars.slice(0, codePoints - 1).join('') + '\u2026';
  }

  /* Only http, https and urn IRIs become links, whatever the data says. */
  function safeIri(iri) {
    return typeof iri === 'string' && /^(https?:\/\/|urn:)/i.test(iri) ? iri : null;
  }

  /* A span's attributes (name=value) and links, each link an <a> to its IRI showing its short text. */
  function details(s) {
    var p = el('p', 'attrs');
    s.attrs.forEach(function (a) {
      p.appendChild(el('span', 'attr', a));
      p.appendChild(document.createTextNode(' '));
    });
    s.links.forEach(function (l) {
      var iri = safeIri(l[1]);
      var a = el(iri === null ? 'span' : 'a', 'link', l[0]);
      if (iri !== null) {
        a.href = iri;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        a.title = iri;
      }
      p.appendChild(a);
      p.appendChild(document.createTextNode(' '));
    });
    return p;
  }

  /* Parses markup the viewer sent (escaped by the server, as the page itself) into nodes. */
  function parse(html, wrapper) {
    var doc = new DOMParser().parseFromString('<!DOCTYPE html><body><' + wrapper + '>' + html + '</' + wrapper + '>',
      'text/html');
    return doc.body.firstElementChild;
  }

  function markerId(mk) {
    return mk.getAttribute('href').slice(3);
  }

  /* Whether a label is switched off or a search narrows what is shown. */
  function hiding() {
    return off.size > 0 || query !== '';
  }

  function none() {
    return {labels: [], rows: [], length: 0, spans: [], relations: [], list: []};
  }

  /* Reads the data block; on a large document's page in the viewer it is fetched instead, and this
     returns the promise of it (the page shows no spans in the list until it has come). */
  function index() {
    var block = $('data');
    var source = document.body.dataset.source;
    if (!block && source && window.fetch) {
      data = none();
      // no cache mode of its own, so that it takes what the page's preload has fetched
      return fetch(source).then(function (r) {
        if (r.status === 204) {
          // the file changed since this page was made: only a new page will do
          location.reload();
          return new Promise(function () {});
        }
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (d) {
        // notes and annotators come once each in d.strings, a span naming them by number
        if (d.strings) {
          d.spans.forEach(function (row) {
            row[5] = row[5] === null ? null : d.strings[row[5]];
            row[6] = row[6] === null ? null : d.strings[row[6]];
          });
          delete d.strings;
        }
        data = d;
        rebuild();
      });
    }
    data = block ? JSON.parse(block.textContent) : none();
    rebuild();
    return null;
  }

  /* The spans, their numbers and the relations in words, from data.spans and data.relations. */
  function rebuild() {
    byId.clear();
    data.spans.forEach(function (row, i) {
      var s = new Span(row, i + 1);
      s.i = i;
      byId.set(s.id, s);
    });
    data.list = Array.from(byId.values());
    // each end of a relation: [from this span?, type, the other span]; worded when shown
    linked = [];
    data.relations.forEach(function (r) {
      var from = byId.get(r[0]);
      var to = byId.get(r[2]);
      if (from && to) {
        linked.push(r);
        (from.ends === NONE ? (from.ends = []) : from.ends).push([true, r[1], to]);
        (to.ends === NONE ? (to.ends = []) : to.ends).push([false, r[1], from]);
      }
    });
    painted = false;
    relShown = 0;
  }

  function visible(id) {
    var s = byId.get(id);
    return !!s && !off.has(s.label) && (query === '' || s.text().indexOf(query) >= 0);
  }

  function ids(el) {
    return (el.dataset.s || '').split(' ').filter(function (x) { return x !== ''; });
  }

  /* Redraws a fragment for the spans still shown: outermost underline first, the innermost fill last. */
  function paint(fr) {
    var shown = ids(fr).filter(visible);
    var signature = shown.join(' ');
    if ((fr.scholionShown === undefined ? fr.dataset.s : fr.scholionShown) === signature) {
      return;
    }
    fr.scholionShown = signature;
    var hit = fr.classList.contains('hit');
    var text = fr.textContent;
    while (fr.firstChild) {
      fr.removeChild(fr.firstChild);
    }
    fr.className = 'fr' + (shown.length === 0 ? '' : (shown.length === 1 ? ' f ' : ' u ') + byId.get(shown[0]).k)
      + (hit ? ' hit' : '');
    var parent = fr;
    shown.slice(1).forEach(function (id, i) {
      var el = document.createElement('span');
      el.className = (i === shown.length - 2 ? 'f ' : 'u ') + byId.get(id).k;
      parent.appendChild(el);
      parent = el;
    });
    parent.appendChild(document.createTextNode(text));
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function row(s) {
    var li = el('li', 'en ' + s.k + (s.id === selected ? ' sel' : ''));
    li.id = 'e-' + s.id;
    li.dataset.s = s.id;
    li.dataset.n = s.n;
    li.dataset.label = s.label;
    li.dataset.set = s.set;
    li.dataset.k = s.k;
    li.dataset.start = s.start;
    li.dataset.end = s.end;
    if (s.id === selected) {
      li.setAttribute('aria-current', 'true');
    }
    var go = el('button', 'go');
    go.type = 'button';
    go.dataset.go = s.id;
    go.appendChild(el('span', 'num', String(s.n)));
    go.appendChild(el('span', 'chip', s.label));
    li.appendChild(go);
    var q = el('q', 'quote', s.quote);
    q.dir = 'auto';
    li.appendChild(q);
    if (s.note !== null) {
      var note = el('p', 'note', s.note);
      note.dir = 'auto';
      li.appendChild(note);
    }
    if (s.attrs.length || s.links.length) {
      li.appendChild(details(s));
    }
    var meta = el('p', 'meta');
    if (s.who !== null) {
      meta.appendChild(el('span', 'who', s.who));
      meta.appendChild(document.createTextNode(' \u00b7 '));
    }
    meta.appendChild(document.createTextNode('code points ' + s.start + '\u2013' + s.end));
    if (s.created !== null) {
      meta.appendChild(document.createTextNode(' \u00b7 '));
      meta.appendChild(el('time', null, s.created));
    }
    li.appendChild(meta);
    if (s.ends.length) {
      var rels = el('ul', 'rels');
      s.rels().forEach(function (r) { rels.appendChild(el('li', null, r)); });
      li.appendChild(rels);
    }
    return li;
  }

  function moreButton(holder, count, text) {
    while (holder.firstChild) {
      holder.removeChild(holder.firstChild);
    }
    holder.hidden = count === 0;
    if (count > 0) {
      var b = el('button', 'btn', text + ' (' + count + ')');
      b.type = 'button';
      holder.appendChild(b);
    }
  }

  function edges() {
    var before = $('before');
    var after = $('after');
    if (before) {
      moreButton(before, lo, 'Show earlier annotations');
    }
    if (after) {
      moreButton(after, order.length - hi, 'Show later annotations');
    }
    if (observer) {
      // observing again reports the current state, so a list still short of the view keeps growing
      observer.disconnect();
      [before, after].forEach(function (e) { if (e && !e.hidden) { observer.observe(e); } });
    }
  }

  /* Draws rows [from, to) of the visible spans into the list, replacing what was there. */
  function list(from, to) {
    var ol = $('entries');
    if (!ol) {
      return;
    }
    lo = Math.max(0, from);
    hi = Math.min(order.length, Math.max(lo, to));
    var frag = document.createDocumentFragment();
    for (var i = lo; i < hi; i++) {
      frag.appendChild(row(order[i]));
    }
    ol.replaceChildren(frag);
    edges();
  }

  function later() {
    var ol = $('entries');
    if (!ol || hi >= order.length) {
      return;
    }
    var to = Math.min(order.length, hi + PAGE);
    var frag = document.createDocumentFragment();
    for (var i = hi; i < to; i++) {
      frag.appendChild(row(order[i]));
    }
    ol.appendChild(frag);
    hi = to;
    edges();
  }

  function earlier() {
    var ol = $('entries');
    if (!ol || lo <= 0) {
      return;
    }
    var anchor = ol.firstElementChild;
    var top = anchor ? anchor.getBoundingClientRect().top : 0;
    var from = Math.max(0, lo - PAGE);
    var frag = document.createDocumentFragment();
    for (var i = from; i < lo; i++) {
      frag.appendChild(row(order[i]));
    }
    ol.insertBefore(frag, ol.firstChild);
    lo = from;
    if (anchor) {
      // keep the rows the reader was looking at where they were
      var shift = anchor.getBoundingClientRect().top - top;
      var card = ol.closest('.card');
      if (card && card.scrollHeight > card.clientHeight) {
        card.scrollTop += shift;
      } else {
        window.scrollBy(0, shift);
      }
    }
    edges();
  }

  function endpoint(id) {
    var s = byId.get(id);
    var b = el('button', 'go');
    b.type = 'button';
    b.dataset.go = id;
    b.textContent = '#' + (s ? s.n : '?') + ' \u201C' + shorten(s ? s.quote : '', 48) + '\u201D';
    return b;
  }

  /* Draws the next relations whose ends are both shown. */
  function relations(reset) {
    var ul = $('rels');
    if (!ul) {
      return;
    }
    if (reset) {
      ul.replaceChildren();
      relShown = 0;
    }
    // with nothing hidden, the relations shown are those whose spans are both known
    var shown = hiding()
      ? linked.filter(function (r) { return visible(r[0]) && visible(r[2]); }) : linked;
    var frag = document.createDocumentFragment();
    var to = Math.min(shown.length, relShown + PAGE);
    for (var i = relShown; i < to; i++) {
      var r = shown[i];
      var li = el('li');
      li.dataset.from = r[0];
      li.dataset.to = r[2];
      li.appendChild(endpoint(r[0]));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', 'rtype', r[1]));
      li.appendChild(document.createTextNode(' \u2192 '));
      li.appendChild(endpoint(r[2]));
      frag.appendChild(li);
    }
    ul.appendChild(frag);
    relShown = to;
    moreButton($('rels-more'), shown.length - relShown, 'Show more relations');
  }

  var MAP_ROW = 7;
  var MAP_WIDTH = 1000;

  function tickOf(s) {
    var length = Math.max(1, data.length);
    var x = Math.floor(s.start * MAP_WIDTH / length);
    return [x, Math.max(3, Math.floor((s.end - s.start) * MAP_WIDTH / length))];
  }

  /* The runs [x, width] of pixels left of width that the ticks of the spans shown cover. */
  function covered(spans, filtering, width) {
    var depth = new Int32Array(width + 1);
    spans.forEach(function (s) {
      if (filtering && !visible(s.id)) {
        return;
      }
      var t = tickOf(s);
      if (t[0] < width) {
        depth[t[0]]++;
        depth[Math.min(width, t[0] + t[1])]--;
      }
    });
    var runs = [];
    var open = 0;
    var from = -1;
    for (var x = 0; x <= width; x++) {
      open += depth[x];
      if (open > 0 && from < 0) {
        from = x;
      } else if (open === 0 && from >= 0) {
        runs.push([from, x - from]);
        from = -1;
      }
    }
    return runs;
  }

  /* The map: one row per label in legend order, a tick per span; hidden spans fade. */
  function map() {
    var canvas = $('map');
    if (!canvas || !canvas.getContext) {
      return;
    }
    var g = canvas.getContext('2d');
    g.clearRect(0, 0, canvas.width, canvas.height);
    var rowOf = new Map();
    var colours = new Map();
    data.rows.forEach(function (label, i) {
      rowOf.set(label, i);
      colours.set(label, data.labels[label][3]);
      g.fillStyle = '#f1f0eb';
      g.fillRect(0, i * MAP_ROW, MAP_WIDTH, MAP_ROW - 1);
    });
    var labelNumber = new Map(data.labels.map(function (l, i) { return [l[0], i]; }));
    // a label's ticks together, its colour set once (200,000 spans on a large document); hidden
    // spans first, faded, when anything is hidden
    var byLabel = new Map();
    data.list.forEach(function (s) {
      var label = labelNumber.get(s.label);
      var spans = byLabel.get(label);
      if (!spans) {
        byLabel.set(label, spans = []);
      }
      spans.push(s);
    });
    var filtering = hiding();
    (filtering ? [false, true] : [true]).forEach(function (shownPass) {
      g.globalAlpha = shownPass ? 1 : 0.12;
      byLabel.forEach(function (spans, label) {
        var y = rowOf.get(label) * MAP_ROW;
        g.fillStyle = colours.get(label);
        if (shownPass) {
          // opaque ticks of one colour: their union, a rectangle per run of covered pixels, draws
          // the same pixels as a rectangle per span (200,000 of them on a large document)
          covered(spans, filtering, canvas.width).forEach(function (run) {
            g.fillRect(run[0], y, run[1], MAP_ROW - 1);
          });
          return;
        }
        spans.forEach(function (s) {
          if (visible(s.id)) {
            return;
          }
          var t = tickOf(s);
          g.fillRect(t[0], y, t[1], MAP_ROW - 1);
        });
      });
    });
    g.globalAlpha = 1;
  }

  function spanAtMap(e) {
    var canvas = e.target;
    var r = canvas.getBoundingClientRect();
    var x = (e.clientX - r.left) * canvas.width / r.width;
    var y = (e.clientY - r.top) * canvas.height / r.height;
    var label = data.rows[Math.floor(y / MAP_ROW)];
    if (label === undefined) {
      return null;
    }
    var name = data.labels[label][0];
    var best = null;
    var distance = Infinity;
    data.list.forEach(function (s) {
      if (s.label !== name || !visible(s.id)) {
        return;
      }
      var t = tickOf(s);
      var d = x < t[0] ? t[0] - x : (x > t[0] + t[1] ? x - t[0] - t[1] : 0);
      if (d < distance) {
        distance = d;
        best = s;
      }
    });
    return distance <= 4 ? best : null;
  }

  function apply() {
    var filtering = hiding();
    order = filtering ? data.list.filter(function (s) { return visible(s.id); }) : data.list.slice();
    if (filtering || painted) {
      all('#text .fr').forEach(paint);
      all('#text .mk').forEach(function (mk) {
        var v = visible(markerId(mk));
        if (mk.hidden === v) {
          mk.hidden = !v;
        }
      });
      painted = filtering;
    }
    all('[data-label-toggle]').forEach(function (box) {
      box.checked = !off.has(box.dataset.labelToggle);
      box.closest('.lg').classList.toggle('off', !box.checked);
    });
    all('[data-set-toggle]').forEach(function (box) {
      var boxes = all('[data-label-toggle]', box.closest('.set'));
      var on = boxes.filter(function (b) { return b.checked; }).length;
      box.checked = on === boxes.length;
      box.indeterminate = on > 0 && on < boxes.length;
    });
    all('.chart [data-label]').forEach(function (g) {
      g.classList.toggle('off', off.has(g.dataset.label));
    });
    var shown = $('shown');
    if (shown) {
      shown.textContent = order.length === data.list.length ? String(order.length)
        : order.length + ' of ' + data.list.length;
    }
    if (selected && !visible(selected)) {
      selected = null;
    }
    var at = selected ? order.indexOf(byId.get(selected)) : -1;
    list(at < 0 ? 0 : at - PAGE / 2, at < 0 ? PAGE : at + PAGE / 2);
    relations(true);
    map();
    if (selected) {
      select(selected, false);
    }
  }

  function select(id, scrollText) {
    all('.en.sel').forEach(function (li) { li.classList.remove('sel'); li.removeAttribute('aria-current'); });
    all('#text .fr.hit').forEach(function (fr) { fr.classList.remove('hit'); });
    selected = id && byId.has(id) ? id : null;
    if (!selected) {
      return;
    }
    var s = byId.get(selected);
    var at = order.indexOf(s);
    if (at >= 0 && (at < lo || at >= hi)) {
      list(at - PAGE / 2, at + PAGE / 2);
    }
    var li = $('e-' + selected);
    if (li) {
      li.classList.add('sel');
      li.setAttribute('aria-current', 'true');
      li.scrollIntoView({block: 'nearest'});
    }
    var frs = all('#text .fr[data-s~="' + CSS.escape(selected) + '"]');
    frs.forEach(function (fr) { fr.classList.add('hit'); });
    var holder = scrollText ? holderOf(s, frs.length > 0) : null;
    if (holder) {
      // the span's text is not on the page yet: fetch its slice, then select it again
      load(holder).then(function () {
        if (selected === s.id) {
          select(s.id, true);
        }
      }, function () {});
      return;
    }
    if (scrollText && frs.length) {
      frs[0].scrollIntoView({block: 'center'});
      var marker = document.querySelector('#text .mk[href="#e-' + CSS.escape(selected) + '"]');
      if (marker) {
        marker.focus({preventScroll: true});
      }
    }
  }

  function line(parent, tag, text) {
    parent.appendChild(el(tag, null, text));
  }

  function showTip(list, anchor) {
    if (!tip || list.length === 0) {
      hideTip();
      return;
    }
    while (tip.firstChild) {
      tip.removeChild(tip.firstChild);
    }
    list.forEach(function (id) {
      var s = byId.get(id);
      var box = document.createElement('div');
      line(box, 'b', '#' + s.n + ' ' + s.label + ' (' + s.set + ')');
      if (s.note !== null) {
        line(box, 'i', s.note);
      }
      if (s.attrs.length || s.links.length) {
        line(box, 'span', s.attrs.concat(s.links.map(function (l) { return l[0]; })).join(' \u00b7 '));
      }
      line(box, 'small', (s.who !== null ? s.who + ' \u00b7 ' : '') + 'code points ' + s.start + '\u2013' + s.end);
      tip.appendChild(box);
    });
    tip.hidden = false;
    var r = anchor.getBoundingClientRect();
    var left = Math.max(6, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 6));
    tip.style.left = left + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
  }

  function hideTip() {
    if (tip) {
      tip.hidden = true;
    }
  }

  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t.dataset.labelToggle !== undefined) {
      if (t.checked) { off.delete(t.dataset.labelToggle); } else { off.add(t.dataset.labelToggle); }
      apply();
    } else if (t.dataset.setToggle !== undefined) {
      all('[data-label-toggle]', t.closest('.set')).forEach(function (b) {
        if (t.checked) { off.delete(b.dataset.labelToggle); } else { off.add(b.dataset.labelToggle); }
      });
      apply();
    }
  });

  document.addEventListener('input', function (e) {
    if (e.target.id === 'q') {
      query = e.target.value.trim().toLowerCase();
      apply();
    }
  });

  document.addEventListener('click', function (e) {
    if (!e.target.closest) {
      return;
    }
    var more = e.target.closest('.more');
    if (more) {
      if (more.id === 'before') { earlier(); } else if (more.id === 'after') { later(); } else { relations(false); }
      return;
    }
    if (e.target.id === 'map') {
      var hit = spanAtMap(e);
      if (hit) {
        select(hit.id, true);
      }
      return;
    }
    var t = e.target.closest('.go, .mk, .fr');
    if (!t) {
      return;
    }
    if (t.classList.contains('go')) {
      select(t.dataset.go, true);
    } else if (t.classList.contains('fr')) {
      var shown = ids(t).filter(visible);
      select(shown.length ? shown[shown.length - 1] : null, false);
    } else {
      e.preventDefault();
      select(markerId(t), false);
    }
  });

  document.addEventListener('mousemove', function (e) {
    if (e.target.id === 'map') {
      var hit = spanAtMap(e);
      e.target.title = hit ? '#' + hit.n + ' ' + hit.label : '';
      e.target.style.cursor = hit ? 'pointer' : '';
    }
  });
  document.addEventListener('mouseover', function (e) {
    var fr = e.target.closest ? e.target.closest('#text .fr') : null;
    if (fr) {
      showTip(ids(fr).filter(visible), fr);
    }
  });
  document.addEventListener('mouseout', function (e) {
    if (e.target.closest && e.target.closest('#text .fr')) {
      hideTip();
    }
  });
  document.addEventListener('focusin', function (e) {
    if (e.target.classList && e.target.classList.contains('mk') && byId.has(markerId(e.target))) {
      // the tooltip tells a screen reader what the marker's number stands for
      e.target.setAttribute('aria-describedby', 'tip');
      showTip([markerId(e.target)], e.target);
    }
  });
  document.addEventListener('focusout', hideTip);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      hideTip();
      select(null);
    }
  });

  /* The placeholder of a slice not yet on the page that holds the start of span s, or when none
     does and the page shows none of the span, the first one holding part of it; null when none. */
  function holderOf(s, shown) {
    var holders = all('#text > .slice');
    for (var i = 0; i < holders.length; i++) {
      var from = +holders[i].dataset.start;
      var to = +holders[i].dataset.end;
      if ((from <= s.start && s.start < to) || (!shown && s.start <= from && from < s.end)) {
        return holders[i];
      }
    }
    return null;
  }

  /* The element of piece i of the text (its i-th <p>, counting those a placeholder stands for), null
     when the piece is not on the page yet. */
  function pieceAt(i) {
    var at = 0;
    for (var c = $('text').firstElementChild; c; c = c.nextElementSibling) {
      if (c.classList.contains('slice')) {
        at += +c.dataset.count;
        if (i < at) {
          return null;
        }
      } else if (at++ === i) {
        return c;
      }
    }
    return null;
  }

  /* Pieces of text just put on the page, brought to the page's state: filter, numbers, selection. */
  function settle(nodes) {
    var filtering = hiding();
    nodes.forEach(function (node) {
      if (filtering) {
        all('.fr', node).forEach(paint);
      }
      all('.mk', node).forEach(function (mk) {
        var s = byId.get(markerId(mk));
        if (s && mk.textContent !== String(s.n)) {
          mk.textContent = String(s.n);
        }
        var v = visible(markerId(mk));
        if (mk.hidden === v) {
          mk.hidden = !v;
        }
      });
      if (selected) {
        all('.fr[data-s~="' + CSS.escape(selected) + '"]', node).forEach(function (fr) { fr.classList.add('hit'); });
      }
    });
  }

  function sliceHolder(number) {
    return document.querySelector('#text > .slice[data-slice="' + number + '"]');
  }

  /* Fills a placeholder with its slice of text from the viewer, for the page's version; while the page
     follows a change (the viewer has moved on) it asks again, for the new version. */
  function load(holder) {
    var number = holder.dataset.slice;
    if (!loading.has(number)) {
      loading.set(number, new Promise(function (resolve, reject) {
        var tries = 0;
        function attempt() {
          var version = document.body.dataset.version;
          fetch(document.body.dataset.slices + encodeURIComponent(version) + '/' + number, {cache: 'no-store'})
            .then(function (r) {
              if (!r.ok || r.status === 204) { throw new Error(r.status); }
              return r.text();
            }).then(function (html) {
              var now = sliceHolder(number);
              if (now && document.body.dataset.version !== version) { throw new Error('moved'); }
              if (now) {
                var nodes = Array.prototype.map.call(parse(html, 'article').children, function (n) {
                  return document.importNode(n, true);
                });
                now.replaceWith.apply(now, nodes);
                settle(nodes);
              }
              loading.delete(number);
              resolve();
            }).catch(function (e) {
              if (++tries >= 20 || !sliceHolder(number)) {
                loading.delete(number);
                reject(e);
              } else {
                setTimeout(attempt, 500);
              }
            });
        }
        attempt();
      }));
    }
    return loading.get(number);
  }

  /* Sizes the placeholders as the text already shown runs, and fills each as it comes near the view. */
  function slices() {
    if (sliceObserver) {
      sliceObserver.disconnect();
      sliceObserver = null;
    }
    loading = new Map();
    var holders = all('#text > .slice');
    if (!holders.length || !document.body.dataset.slices) {
      return;
    }
    var text = $('text');
    var line = parseFloat(getComputedStyle(text).lineHeight) || 32;
    var first = +holders[0].dataset.start;
    var perPoint = first > 0 ? (holders[0].getBoundingClientRect().top - text.getBoundingClientRect().top) / first : 0;
    holders.forEach(function (h) {
      var points = +h.dataset.end - +h.dataset.start;
      var guess = perPoint > 0 ? points * perPoint : (+h.dataset.lines + points / 80) * line;
      h.style.height = Math.max(line, Math.round(guess)) + 'px';
    });
    if (!window.IntersectionObserver) {
      holders.forEach(function (h) { load(h).catch(function () {}); });
      return;
    }
    sliceObserver = new IntersectionObserver(function (seen) {
      seen.forEach(function (entry) {
        if (entry.isIntersecting && entry.target.isConnected) {
          load(entry.target).catch(function () {});
        }
      });
    }, {rootMargin: '1500px 0px'});
    holders.forEach(function (h) { sliceObserver.observe(h); });
  }

  function watch() {
    if (!window.IntersectionObserver) {
      return;
    }
    observer = new IntersectionObserver(function (seen) {
      seen.forEach(function (entry) {
        if (entry.isIntersecting) {
          if (entry.target.id === 'before') { earlier(); } else { later(); }
        }
      });
    }, {rootMargin: '300px'});
  }

  function live() {
    var body = document.body;
    var url = body.dataset.live;
    if (!url || !window.fetch) {
      return;
    }
    var busy = false;
    function status(text, stale) {
      var e = $('live');
      if (e) {
        e.textContent = text;
        e.classList.toggle('stale', stale);
      }
    }
    function swap(old, html, wrapper) {
      if (old && html !== null && html !== undefined) {
        var next = parse(html, wrapper).firstElementChild;
        if (next) {
          old.replaceWith(document.importNode(next, true));
        }
      }
    }
    /* Follows one change without loading anew: the data, the pieces of text that changed, the
       facts, legend and chart; every marker takes its new number from the data. */
    function patch(c) {
      var gone = new Set(c.remove);
      var spans = data.spans.filter(function (r) { return !gone.has(r[0]); });
      c.add.forEach(function (a) { spans.splice(a[0], 0, a[1]); });
      data.spans = spans;
      var cut = new Set(c.relationsRemove);
      var rels = data.relations.filter(function (r, i) { return !cut.has(i); });
      c.relationsAdd.forEach(function (a) { rels.splice(a[0], 0, a[1]); });
      data.relations = rels;
      c.pieces.forEach(function (p) {
        // a piece of a slice not on the page yet comes from the viewer as it is now, when it is fetched
        var old = pieceAt(p[0]);
        var next = parse(p[1], 'article').firstElementChild;
        if (old && next) {
          old.replaceWith(document.importNode(next, true));
        }
      });
      swap(document.querySelector('.top .facts'), c.facts, 'div');
      var q = $('q');
      var focused = document.activeElement === q;
      var caret = q ? [q.selectionStart, q.selectionEnd] : null;
      if (c.legend !== null && q) {
        // the filter box stays the same element: its text, caret and focus survive
        var legend = parse(c.legend, 'div').firstElementChild;
        var box = legend && legend.querySelector('#q');
        if (box) {
          box.replaceWith(q);
          document.querySelector('.side .legend').replaceWith(legend);
          if (focused) { q.focus(); q.setSelectionRange(caret[0], caret[1]); }
        }
      }
      swap(document.querySelector('.side .chart'), c.chart, 'div');
      var n = document.querySelector('#h-rel .n');
      if (n) { n.textContent = '(' + c.relations + ')'; }
      var banner = document.querySelector('.top .problem');
      if (c.problem === null && banner) {
        banner.remove();
      } else if (c.problem !== null) {
        if (!banner) {
          banner = el('p', 'problem');
          banner.setAttribute('role', 'alert');
          document.querySelector('.top').appendChild(banner);
        }
        banner.textContent = c.problem;
      }
      rebuild();
      all('#text .mk').forEach(function (mk) {
        var s = byId.get(markerId(mk));
        var number = s ? String(s.n) : mk.textContent;
        if (mk.textContent !== number) { mk.textContent = number; }
      });
      body.dataset.version = c.to;
      apply();
      status('Live \u00b7 updated ' + new Date().toLocaleTimeString(), false);
    }
    function follow() {
      return fetch('changes/' + encodeURIComponent(body.dataset.version), {cache: 'no-store'}).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (c) {
        if (c.reload) {
          return refresh();
        }
        if (c.from === body.dataset.version && c.to !== c.from) {
          patch(c);
        }
      });
    }
    function refresh() {
      return fetch(location.pathname, {cache: 'no-store'}).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.text();
      }).then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        var app = next.getElementById('app');
        if (!app) { return; }
        var box = $('q');
        var value = box ? box.value : '';
        var focused = document.activeElement && document.activeElement.id;
        var css = next.getElementById('labels-css');
        var mine = $('labels-css');
        var restyled = css && mine && css.getAttribute('href') !== mine.getAttribute('href');
        $('app').replaceWith(document.importNode(app, true));
        document.title = next.title;
        body.dataset.version = next.body.dataset.version;
        ['slices', 'source'].forEach(function (name) {
          if (next.body.dataset[name]) {
            body.dataset[name] = next.body.dataset[name];
          } else {
            delete body.dataset[name];
          }
        });
        var q = $('q');
        if (q) { q.value = value; }
        if (focused && $(focused)) { $(focused).focus(); }
        function redraw() {
          apply();
          slices();
          status('Live \u00b7 updated ' + new Date().toLocaleTimeString(), false);
        }
        return Promise.resolve(index()).then(function () {
          if (restyled) {
            // the map reads label colours from the style sheet: draw once the new one applies
            mine.addEventListener('load', redraw, {once: true});
            mine.setAttribute('href', css.getAttribute('href'));
          }
          redraw();
        });
      });
    }
    setInterval(function () {
      if (busy) { return; }
      busy = true;
      fetch(url, {cache: 'no-store'}).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.text();
      }).then(function (v) {
        if (v.trim() !== body.dataset.version) {
          return follow();
        }
        var e = $('live');
        if (e && e.classList.contains('stale')) { status('Live \u00b7 watching the file', false); }
      }).catch(function () {
        status('Viewer not reachable \u00b7 retrying', true);
      }).then(function () { busy = false; });
    }, 300);
  }

  function begin() {
    watch();
    apply();
    slices();
    if (location.hash.indexOf('#e-') === 0) {
      select(decodeURIComponent(location.hash.slice(3)), true);
    }
    live();
    document.documentElement.dataset.ready = 'true';
  }

  function start() {
    var fetched = index();
    if (fetched === null) {
      begin();
      return;
    }
    fetched.then(begin, function () {
      var e = $('live');
      if (e) {
        e.textContent = 'The annotations could not be loaded \u00b7 reload the page';
        e.classList.add('stale');
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
