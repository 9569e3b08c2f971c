// The index of a folder: a search over every document, and the list kept up to date as files come
// and go. Everything from the server is put on the page as text; only links into /doc/ are followed.
(function () {
  'use strict';
  var region = document.getElementById('corpus');
  var live = document.getElementById('live');
  var form = document.getElementById('search');
  var words = document.getElementById('sq');
  var label = document.getElementById('sl');
  var found = document.getElementById('found');
  var results = document.getElementById('results');
  var asked = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function show(answer) {
    results.replaceChildren();
    answer.hits.forEach(function (hit) {
      var li = el('li', 'hit');
      var a = el('a');
      if (typeof hit.href === 'string' && hit.href.indexOf('/doc/') === 0) {
        a.href = hit.href;
      }
      a.append(el('span', 'left', hit.left), el('mark', null, hit.text), el('span', 'right', hit.right));
      li.append(a, el('span', 'meta', hit.title + ' \u00b7 ' + hit.label + ' \u00b7 code points ' + hit.start
          + '\u2013' + hit.end));
      results.append(li);
    });
    var n = answer.hits.length;
    var said = (n === 0 ? 'No span' : n + (answer.more ? '+' : '') + (n === 1 ? ' span' : ' spans'))
        + ' found in ' + answer.documents + (answer.documents === 1 ? ' document' : ' documents') + '.';
    if (answer.failures.length) {
      said += ' ' + answer.failures.length + ' could not be read.';
    }
    found.textContent = said;
  }

  function search() {
    var params = new URLSearchParams();
    if (words.value.trim()) { params.set('q', words.value.trim()); }
    if (label.value) { params.set('label', label.value); }
    if (!params.toString()) {
      results.replaceChildren();
      found.textContent = '';
      return;
    }
    var mine = ++asked;
    found.textContent = 'Searching\u2026';
    fetch('/search?' + params.toString(), {cache: 'no-store'}).then(function (r) {
      return r.json().then(function (body) { return {ok: r.ok, body: body}; });
    }).then(function (a) {
      if (mine !== asked) { return; }
      if (!a.ok) {
        results.replaceChildren();
        found.textContent = String(a.body.error);
        return;
      }
      show(a.body);
    }).catch(function () {
      if (mine === asked) { found.textContent = 'The viewer did not answer.'; }
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    search();
  });

  var version = region.dataset.version;
  function poll() {
    fetch('/corpus/version', {cache: 'no-store'}).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.text();
    }).then(function (now) {
      live.textContent = 'Live: new and changed files appear here.';
      live.dataset.state = 'live';
      now = now.trim();
      if (now === version) { return null; }
      return fetch('/', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('corpus');
        if (!fresh) { return; }
        fresh = document.importNode(fresh, true);
        region.replaceWith(fresh);
        region = fresh;
        version = fresh.dataset.version;
        document.documentElement.dataset.version = version;
      });
    }).catch(function () {
      live.textContent = 'Stale: the viewer is not answering.';
      live.dataset.state = 'stale';
    }).then(function () {
      setTimeout(poll, 1000);
    });
  }
  document.documentElement.dataset.version = version;
  setTimeout(poll, 1000);
  document.documentElement.dataset.ready = 'true';
}());
