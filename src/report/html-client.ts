/**
 * The page script, inlined in the report under a CSP nonce. It only reads the JSON block and the page's
 * own attributes, builds the source panel with textContent (never innerHTML), and makes no requests.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var dataEl = document.getElementById('sitrep-data');
  var data = JSON.parse(dataEl.textContent || '{}');
  var panel = document.getElementById('source-panel');
  var body = document.getElementById('source-body');
  var selected = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function showSources(ids, heading) {
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(el('p', 'src-heading', heading));
    ids.forEach(function (n) {
      var s = data.sources[n];
      if (!s) return;
      var box = el('div', 'src');
      var meta = el('p', 'src-meta');
      meta.appendChild(el('strong', null, s.outlet || 'unknown outlet'));
      meta.appendChild(document.createTextNode(' · ' + (s.published || 'undated') + ' · document ' + s.documentId));
      box.appendChild(meta);
      if (s.title) box.appendChild(el('p', 'src-title', s.title));
      var q = el('blockquote', 'src-sentence');
      q.appendChild(document.createTextNode(s.sentence.slice(0, s.mark[0])));
      q.appendChild(el('mark', null, s.sentence.slice(s.mark[0], s.mark[1])));
      q.appendChild(document.createTextNode(s.sentence.slice(s.mark[1])));
      box.appendChild(q);
      if (s.href && (/^\/(?!\/)/.test(s.href) || s.href.charAt(0) === '#' || /^https?:\/\//i.test(s.href))) {
        var d = el('a', 'src-doc', 'open in document');
        d.setAttribute('href', s.href);
        box.appendChild(d);
        box.appendChild(document.createTextNode(' '));
      }
      if (s.url && /^https?:\/\//i.test(s.url)) {
        var a = el('a', null, 'open the article');
        a.setAttribute('href', s.url);
        a.setAttribute('rel', 'noopener noreferrer nofollow');
        a.setAttribute('target', '_blank');
        box.appendChild(a);
      }
      body.appendChild(box);
    });
    panel.classList.add('has-source');
  }

  function select(evId) {
    selected.forEach(function (e) { e.classList.remove('sel'); });
    selected = Array.prototype.slice.call(document.querySelectorAll('[data-ev]')).filter(function (e) {
      return e.getAttribute('data-ev') === evId;
    });
    selected.forEach(function (e) { e.classList.add('sel'); });
  }

  function activate(target) {
    var fact = target.closest ? target.closest('[data-src]') : null;
    if (!fact) return false;
    var ids = (fact.getAttribute('data-src') || '').split(' ').filter(Boolean).map(Number);
    var evId = fact.getAttribute('data-ev');
    if (evId) select(evId);
    var label = fact.getAttribute('data-label') || (ids.length > 1 ? ids.length + ' sources' : 'Source');
    showSources(ids, label);
    return true;
  }

  document.addEventListener('click', function (e) {
    if (e.target && e.target.closest && e.target.closest('a[href]')) return;
    if (activate(e.target)) e.preventDefault();
  });
  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === ' ') && activate(e.target)) e.preventDefault();
  });
  document.addEventListener('mouseover', function (e) {
    if (!panel.classList.contains('pinned')) activate(e.target);
  });
  document.getElementById('pin').addEventListener('click', function (e) {
    panel.classList.toggle('pinned');
    e.target.textContent = panel.classList.contains('pinned') ? 'unpin' : 'pin';
  });
  document.documentElement.setAttribute('data-ready', String(data.sources.length));
})();`;
