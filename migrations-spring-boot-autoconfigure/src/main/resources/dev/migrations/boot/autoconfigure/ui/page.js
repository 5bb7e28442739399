(function () {
  var data = JSON.parse(document.getElementById('migrations-data').textContent);
  var panel = document.getElementById('details');
  var revisions = {};
  (data.history || []).forEach(function (revision) { revisions[revision.revision] = revision; });
  function element(tag, text, className) {
    var created = document.createElement(tag);
    if (text != null) created.textContent = text;
    if (className) created.className = className;
    return created;
  }
  function when(instant) { return instant ? instant.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : ''; }
  function took(ms) { return ms == null ? '' : ms + ' ms'; }
  function facts(revision) {
    var list = element('dl');
    [['State', revision.state], ['Labels', (revision.branchLabels || []).join(', ')],
      ['Revises', (revision.revises || []).join(', ')], ['Depends on', (revision.dependsOn || []).join(', ')],
      ['Applied at', when(revision.appliedAt)], ['Took', took(revision.executionMs)]].forEach(function (fact) {
      if (fact[1]) { list.appendChild(element('dt', fact[0])); list.appendChild(element('dd', fact[1])); }
    });
    return list;
  }
  function steps(log) {
    if (!log.length) return element('p', 'The history table has no step of this revision.', 'hint');
    var table = element('table'), head = element('tr');
    ['Step', 'When', 'By', 'Took', 'Result'].forEach(function (name) { head.appendChild(element('th', name)); });
    table.appendChild(head);
    log.forEach(function (step) {
      var row = element('tr', null, step.success ? 'ok' : 'failed');
      [step.operation, when(step.at), step.by, took(step.executionMs),
        step.success ? 'ok' : 'failed' + (step.partialState ? ': ' + step.partialState : '')].forEach(function (cell) {
        row.appendChild(element('td', cell));
      });
      table.appendChild(row);
    });
    return table;
  }
  function show(node) {
    var id = node.getAttribute('data-revision'), revision = revisions[id] || {};
    document.querySelectorAll('g.node.selected').forEach(function (other) { other.classList.remove('selected'); });
    node.classList.add('selected');
    panel.replaceChildren(element('h2', id, 'revision'), element('p', revision.message || '', 'message'),
      facts(revision), element('h3', 'History'), steps((data.log || {})[id] || []));
    history.replaceState(null, '', '#' + encodeURIComponent(id));
  }
  document.querySelectorAll('g.node').forEach(function (node) {
    node.addEventListener('click', function () { show(node); });
    node.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); show(node); }
    });
  });
  var wanted = decodeURIComponent(location.hash.slice(1));
  var start = wanted && document.querySelector('g.node[data-revision="' + CSS.escape(wanted) + '"]');
  if (start) show(start);
})();
