/* Scholion page behaviour: label toggles, filter, tooltips, selection and (in the viewer) live updates.
   Everything is read from the server-rendered page; text is only ever set through textContent. */
(function () {
  'use strict';
  var off = new Set();
  var query = '';
  var selected = null;
  var spans = new Map();
  var tip = document.getElementById('tip');

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function index() {
    spans.clear();
    all('li.en').forEach(function (li) {
      spans.set(li.dataset.s, {
        li: li, label: li.dataset.label, set: li.dataset.set, k: li.dataset.k,
        start: li.dataset.start, end: li.dataset.end, num: li.dataset.n,
        text: li.textContent.toLowerCase()
      });
    });
  }

  function visible(id) {
    var s = spans.get(id);
    return !!s && !off.has(s.label) && (query === '' || s.text.indexOf(query) >= 0);
  }

  function ids(el) {
    return (el.dataset.s || '').split(' ').filter(function (x) { return x !== ''; });
  }

  function paint(fr) {
    var shown = ids(fr).filter(visible);
    var signature = shown.join(' ');
    if (fr.dataset.v === undefined) {
      fr.dataset.v = fr.dataset.s;
    }
    if (fr.dataset.v === signature) {
      return;
    }
    fr.dataset.v = signature;
    var text = fr.textContent;
    while (fr.firstChild) {
      fr.removeChild(fr.firstChild);
    }
    var parent = fr;
    shown.forEach(function (id, i) {
      var el = document.createElement('span');
      el.className = (i === shown.length - 1 ? 'f ' : 'u ') + spans.get(id).k;
      parent.appendChild(el);
      parent = el;
    });
    parent.appendChild(document.createTextNode(text));
  }

  function apply() {
    var count = 0;
    spans.forEach(function (s, id) {
      var v = visible(id);
      s.li.hidden = !v;
      if (v) {
        count++;
      }
    });
    all('.fr').forEach(paint);
    all('.mk, .tick').forEach(function (el) {
      var v = visible(el.dataset.s);
      if (el.classList.contains('mk')) {
        el.hidden = !v;
      } else {
        el.classList.toggle('off', !v);
      }
    });
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
    all('.chart [data-label], .minimap [data-label]').forEach(function (row) {
      row.classList.toggle('off', off.has(row.dataset.label));
    });
    all('.relations li').forEach(function (li) {
      li.hidden = !(visible(li.dataset.from) && visible(li.dataset.to));
    });
    var shown = document.getElementById('shown');
    if (shown) {
      shown.textContent = count === spans.size ? String(count) : count + ' of ' + spans.size;
    }
    if (selected && !visible(selected)) {
      select(null);
    }
  }

  function select(id, scrollText) {
    all('.en.sel').forEach(function (li) { li.classList.remove('sel'); li.removeAttribute('aria-current'); });
    all('.fr.hit').forEach(function (fr) { fr.classList.remove('hit'); });
    selected = id && spans.has(id) ? id : null;
    if (!selected) {
      return;
    }
    var s = spans.get(selected);
    s.li.classList.add('sel');
    s.li.setAttribute('aria-current', 'true');
    s.li.scrollIntoView({block: 'nearest'});
    var frs = all('.fr').filter(function (fr) { return ids(fr).indexOf(selected) >= 0; });
    frs.forEach(function (fr) { fr.classList.add('hit'); });
    if (scrollText && frs.length) {
      frs[0].scrollIntoView({block: 'center'});
      var marker = document.querySelector('.mk[data-s="' + selected + '"]');
      if (marker) {
        marker.focus({preventScroll: true});
      }
    }
  }

  function line(parent, tag, text) {
    var el = document.createElement(tag);
    el.textContent = text;
    parent.appendChild(el);
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
      var s = spans.get(id);
      var box = document.createElement('div');
      line(box, 'b', '#' + s.num + ' ' + s.label + ' (' + s.set + ')');
      var note = s.li.querySelector('.note');
      if (note) {
        line(box, 'i', note.textContent);
      }
      var who = s.li.querySelector('.who');
      line(box, 'small', (who ? who.textContent + ' \u00b7 ' : '') + 'code points ' + s.start + '\u2013' + s.end);
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
    var t = e.target.closest('.go, .mk, .tick, .fr');
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
      select(t.dataset.s, t.classList.contains('tick'));
    }
  });

  document.addEventListener('mouseover', function (e) {
    var fr = e.target.closest ? e.target.closest('.fr') : null;
    if (fr) {
      showTip(ids(fr).filter(visible), fr);
    }
  });
  document.addEventListener('mouseout', function (e) {
    if (e.target.closest && e.target.closest('.fr')) {
      hideTip();
    }
  });
  document.addEventListener('focusin', function (e) {
    if (e.target.classList && e.target.classList.contains('mk')) {
      showTip([e.target.dataset.s], e.target);
    }
  });
  document.addEventListener('focusout', hideTip);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      hideTip();
      select(null);
    }
  });

  function live() {
    var body = document.body;
    var url = body.dataset.live;
    if (!url || !window.fetch) {
      return;
    }
    var busy = false;
    function status(text, stale) {
      var el = document.getElementById('live');
      if (el) {
        el.textContent = text;
        el.classList.toggle('stale', stale);
      }
    }
    function refresh() {
      return fetch(location.pathname, {cache: 'no-store'}).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.text();
      }).then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        var app = next.getElementById('app');
        if (!app) { return; }
        var box = document.getElementById('q');
        var value = box ? box.value : '';
        var focused = document.activeElement && document.activeElement.id;
        document.getElementById('app').replaceWith(document.importNode(app, true));
        var css = next.getElementById('labels-css');
        var mine = document.getElementById('labels-css');
        if (css && mine && css.getAttribute('href') !== mine.getAttribute('href')) {
          mine.setAttribute('href', css.getAttribute('href'));
        }
        document.title = next.title;
        body.dataset.version = next.body.dataset.version;
        var q = document.getElementById('q');
        if (q) { q.value = value; }
        if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
        var keep = selected;
        index();
        apply();
        select(keep, false);
        status('Live \u00b7 updated ' + new Date().toLocaleTimeString(), false);
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
          return refresh();
        }
        var el = document.getElementById('live');
        if (el && el.classList.contains('stale')) { status('Live \u00b7 watching the file', false); }
      }).catch(function () {
        status('Viewer not reachable \u00b7 retrying', true);
      }).then(function () { busy = false; });
    }, 300);
  }

  index();
  apply();
  live();
  document.documentElement.dataset.ready = 'true';
}());
