// The clinic dashboard: reads /admin/api/summary (counts only) and draws it with Chart.js (bundled from npm at build).
(function () {
  'use strict';
  var colours = ['#1f6f8b', '#e07a1f', '#5b8c2a', '#b23a48', '#7a5ba6', '#8c6d1f', '#3a7ab2', '#999999'];
  var questionColours = { answered: '#5b8c2a', clarified: '#e0b31f', out_of_scope: '#8c6d1f', not_understood: '#b23a48' };
  var charts = {};

  function sum(values) { return values.reduce(function (a, b) { return a + b; }, 0); }
  function get(map, key) { return (map && map[key]) || 0; }
  function text(id, value) { document.getElementById(id).textContent = value; }
  function shortDate(iso) { return iso.slice(5); }
  function label(key) { return key.replace(/_/g, ' '); }
  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return '–'; }
    return seconds < 90 ? Math.round(seconds) + ' s' : Math.round(seconds / 60) + ' min';
  }

  function draw(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new window.Chart(document.getElementById(id), config);
  }

  function bars(id, labels, datasets, stacked, extraScales) {
    var scales = { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } };
    Object.assign(scales, extraScales || {});
    draw(id, { type: 'bar', data: { labels: labels, datasets: datasets }, options: { scales: scales } });
  }

  function doughnut(id, map, emptyLabel) {
    var keys = Object.keys(map || {}).filter(function (k) { return map[k] > 0; });
    var values = keys.map(function (k) { return map[k]; });
    if (keys.length === 0) { keys = [emptyLabel]; values = [0]; }
    draw(id, {
      type: 'bar',
      data: { labels: keys.map(label), datasets: [{ label: 'count', data: values, backgroundColor: colours }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function render(summary) {
    var days = summary.days;
    var labels = days.map(function (d) { return shortDate(d.date); });
    var totals = summary.totals;
    var notAnswered = get(totals.questions, 'clarified') + get(totals.questions, 'out_of_scope') + get(totals.questions, 'not_understood');
    text('period', summary.from + ' to ' + summary.to + '.');
    text('t-conversations', totals.conversations);
    text('t-answered', get(totals.questions, 'answered'));
    text('t-unanswered', notAnswered);
    text('t-escalations', sum(Object.values(totals.escalations || {})));
    text('t-handoffs', get(totals.handoffs, 'requested'));
    text('t-wait', duration(totals.medianHandoffWaitSeconds));
    text('t-latency', totals.medianTurnMilliseconds === null ? '–' : totals.medianTurnMilliseconds + ' ms');

    bars('c-conversations', labels, [{ label: 'conversations', data: days.map(function (d) { return d.conversations; }), backgroundColor: colours[0] }], false);
    bars('c-questions', labels, Object.keys(questionColours).map(function (outcome) {
      return { label: label(outcome), data: days.map(function (d) { return get(d.questions, outcome); }), backgroundColor: questionColours[outcome] };
    }), true);
    doughnut('c-escalations', totals.escalations, 'none');
    var walkthroughs = Object.assign({}, totals.walkthroughOutcomes);
    if (get(totals.walkthroughs, 'cancelled') > 0) { walkthroughs['cancelled'] = totals.walkthroughs.cancelled; }
    doughnut('c-walkthroughs', walkthroughs, 'none finished');
    var handoffEvents = ['taken', 'not_taken', 'callback_offered', 'callback_left'];
    var handoffSets = handoffEvents.map(function (event, i) {
      return { label: label(event), data: days.map(function (d) { return get(d.handoffs, event); }), backgroundColor: colours[i], stack: 'handoffs', yAxisID: 'y' };
    });
    handoffSets.push({ type: 'line', label: 'median wait (s)', data: days.map(function (d) { return d.medianHandoffWaitSeconds; }), borderColor: colours[3], yAxisID: 'wait', spanGaps: true });
    bars('c-handoffs', labels, handoffSets, true, { wait: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'seconds' } } });
    draw('c-latency', {
      type: 'line',
      data: { labels: labels, datasets: [{ label: 'median ms', data: days.map(function (d) { return d.medianTurnMilliseconds; }), borderColor: colours[0], backgroundColor: colours[0], spanGaps: true }] },
      options: { scales: { y: { beginAtZero: true } } }
    });

    var unanswered = summary.unanswered;
    text('unanswered-note', unanswered.note + (unanswered.transcriptEnabled ? ' ' + unanswered.questions + ' question(s) in all.' : ''));
    var canvas = document.getElementById('c-unanswered');
    canvas.hidden = !unanswered.transcriptEnabled;
    if (unanswered.transcriptEnabled) {
      var groups = unanswered.groups;
      draw('c-unanswered', {
        type: 'bar',
        data: {
          labels: groups.map(function (g) { return '#' + g.rank + (g.nearestTopic ? ' near "' + g.nearestTopic + '"' : ' (no close topic)'); }),
          datasets: ['not_understood', 'out_of_scope', 'clarified'].map(function (outcome) {
            return { label: label(outcome), data: groups.map(function (g) { return get(g.outcomes, outcome); }), backgroundColor: questionColours[outcome] };
          })
        },
        options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } }
      });
    }
    document.body.setAttribute('data-loaded', 'true');
  }

  function load() {
    var days = document.getElementById('days').value;
    text('status', '');
    fetch('/admin/api/summary?days=' + encodeURIComponent(days), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) { window.location.assign('/admin'); return null; }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (summary) { if (summary) { render(summary); } })
      .catch(function (error) { text('status', 'The figures could not be loaded (' + error.message + ').'); });
  }

  document.getElementById('days').addEventListener('change', load);
  document.getElementById('sign-out').addEventListener('click', function () {
    fetch('/admin/signout', { method: 'POST', credentials: 'same-origin' }).then(function () { window.location.assign('/admin'); });
  });
  load();
}());
