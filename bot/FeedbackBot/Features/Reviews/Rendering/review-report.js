// Draws the review page's charts from the JSON in #review-chart-data with the Chart.js inlined before this script.
// Marks <html data-charts="ready"> when done, or "failed", so a reader (or a test) can tell the charts are there.
(function () {
  'use strict';

  var STATUS_COLOURS = { met: '#1e7b3c', at_risk: '#d99a00', missed: '#b42318', not_enough_data: '#6b7280' };
  var PREVIOUS_COLOUR = '#8895a7';
  var TARGET_COLOUR = '#1f3a5f';
  var SCALE_PALETTES = {
    rating5: ['#b42318', '#f2a49c', '#c5ccd6', '#9fd5ae', '#1e7b3c'],
    agree5: ['#b42318', '#f2a49c', '#c5ccd6', '#9fd5ae', '#1e7b3c'],
    effort7: ['#1e7b3c', '#4fae6c', '#9fd5ae', '#c5ccd6', '#f2a49c', '#e0584c', '#b42318'],
    nps: ['#7f1d16', '#962a20', '#ad3a2e', '#c24f42', '#d4695c', '#e3897e', '#f0aca3', '#c5ccd6', '#aab3bf', '#4fae6c', '#1e7b3c'],
    yesno: ['#2f6fb3', '#c5ccd6']
  };
  var SEQUENCE = ['#1f3a5f', '#2f6fb3', '#5b93cf', '#8db4e0', '#b9d1ee', '#dbe7f6'];

  function format(unit, value) {
    if (value === null || value === undefined || isNaN(value)) { return 'not enough data'; }
    switch (unit) {
      case 'percent': return value.toFixed(1) + '%';
      case 'net': return (value > 0 ? '+' : '') + value.toFixed(0);
      case 'mean': return value.toFixed(2);
      default: return String(Math.round(value * 100) / 100);
    }
  }

  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
  }

  // A step of 1, 2, 2.5 or 5 times a power of ten that cuts the span into about five parts.
  function niceStep(span) {
    var raw = span / 5;
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (raw <= steps[i] * power) { return steps[i] * power; }
    }
    return 10 * power;
  }

  // The axis shows the interval, both values and the target with some room, on round numbers, within the unit's limits.
  function valueRange(kpi) {
    var values = [kpi.target, kpi.previous, kpi.value, kpi.low, kpi.high].filter(function (v) { return v !== null && v !== undefined; });
    var min = Math.min.apply(null, values);
    var max = Math.max.apply(null, values);
    var span = Math.max(max - min, Math.abs(max) * 0.04, kpi.unit === 'mean' ? 0.2 : 2);
    var step = niceStep(span * 1.4);
    var limits = kpi.unit === 'percent' ? [0, 100] : kpi.unit === 'net' ? [-100, 100] : [-Infinity, Infinity];
    return {
      min: Math.max(limits[0], Math.floor((min - span * 0.2) / step) * step),
      max: Math.min(limits[1], Math.ceil((max + span * 0.2) / step) * step),
      step: step
    };
  }

  function kpiChart(canvas, kpi) {
    var colour = STATUS_COLOURS[kpi.status] || STATUS_COLOURS.not_enough_data;
    var hasPrevious = kpi.previous !== null;
    var labels = hasPrevious ? ['Previous cycle', 'This cycle'] : ['This cycle'];
    if (kpi.value === null) { labels[labels.length - 1] = ['This cycle', '(not enough data)']; }
    var values = hasPrevious ? [kpi.previous, kpi.value] : [kpi.value];
    var interval = hasPrevious ? [null, kpi.low === null ? null : [kpi.low, kpi.high]] : [kpi.low === null ? null : [kpi.low, kpi.high]];
    var range = valueRange(kpi);
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          {
            // Not grouped: the target's hidden axis would otherwise count as a second group and push the bar aside.
            type: 'bar', label: '95% interval', data: interval, order: 3, grouped: false,
            backgroundColor: alpha(colour, 0.18), borderColor: colour, borderWidth: 1.5, borderSkipped: false,
            barPercentage: 0.32, categoryPercentage: 1
          },
          {
            type: 'line', label: 'Value', data: values, order: 1,
            borderColor: PREVIOUS_COLOUR, borderWidth: 2, borderDash: [2, 3],
            pointRadius: 7, pointHoverRadius: 8, pointBorderColor: '#ffffff', pointBorderWidth: 2,
            pointBackgroundColor: hasPrevious ? [PREVIOUS_COLOUR, colour] : [colour]
          },
          {
            type: 'line', label: 'Target ' + (kpi.direction === 'lower' ? '≤ ' : '≥ ') + format(kpi.unit, kpi.target),
            xAxisID: 'xTarget', data: [{ x: 0, y: kpi.target }, { x: 1, y: kpi.target }], order: 2,
            borderColor: TARGET_COLOUR, borderWidth: 2, borderDash: [7, 5], pointRadius: 0, pointHoverRadius: 0, pointStyle: 'line'
          }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false, axis: 'x' },
        scales: {
          x: { grid: { display: false } },
          xTarget: { type: 'linear', axis: 'x', display: false, min: 0, max: 1 },
          y: {
            beginAtZero: false, min: range.min, max: range.max,
            ticks: { stepSize: range.step, callback: function (v) { return format(kpi.unit, v); } },
            grid: { color: '#eef1f5' }
          }
        },
        plugins: {
          legend: {
            position: 'bottom',
            labels: {
              usePointStyle: true, boxWidth: 10, boxHeight: 10, padding: 12,
              filter: function (item) { return item.datasetIndex !== 0 || kpi.low !== null; }
            }
          },
          tooltip: {
            filter: function (item) { return item.dataset.xAxisID !== 'xTarget'; },
            callbacks: {
              label: function (ctx) {
                var raw = ctx.raw;
                if (Array.isArray(raw)) { return '95% interval: ' + format(kpi.unit, raw[0]) + '–' + format(kpi.unit, raw[1]); }
                return ctx.dataset.label + ': ' + format(kpi.unit, raw);
              }
            }
          }
        }
      }
    });
  }

  function answersChart(canvas, question) {
    if (question.layout === 'bars') {
      return new Chart(canvas, {
        type: 'bar',
        data: {
          labels: question.labels,
          datasets: [{ label: 'Responses', data: question.counts, backgroundColor: '#2f6fb3', borderRadius: 3, maxBarThickness: 22 }]
        },
        options: {
          indexAxis: 'y', responsive: true, maintainAspectRatio: false,
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } },
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: function (ctx) { return ctx.raw + ' responses (' + question.percents[ctx.dataIndex].toFixed(1) + '%)'; } } }
          }
        }
      });
    }

    var palette = SCALE_PALETTES[question.type] || SEQUENCE;
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [''],
        datasets: question.labels.map(function (label, i) {
          return { label: label, data: [question.percents[i]], backgroundColor: palette[i % palette.length], borderColor: '#ffffff', borderWidth: 1, barThickness: 26 };
        })
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false,
        scales: {
          x: { stacked: true, min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } }, grid: { color: '#eef1f5' } },
          y: { stacked: true, display: false }
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, padding: 8 } },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return ctx.dataset.label + ': ' + ctx.raw.toFixed(1) + '% (' + question.counts[ctx.datasetIndex] + ')';
              }
            }
          }
        }
      }
    });
  }

  function themesChart(canvas, themes) {
    var datasets = [
      { label: 'Negative', data: themes.negative, backgroundColor: '#d8574b' },
      { label: 'Neutral', data: themes.neutral, backgroundColor: '#aab3bf' },
      { label: 'Positive', data: themes.positive, backgroundColor: '#3f9d5d' }
    ];
    if (themes.unrated.some(function (n) { return n > 0; })) {
      datasets.push({ label: 'No polarity', data: themes.unrated, backgroundColor: '#dde3ea' });
    }
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: themes.labels, datasets: datasets.map(function (d) { d.maxBarThickness = 24; return d; }) },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Mentions' } },
          y: { stacked: true, grid: { display: false } }
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } } }
      }
    });
  }

  // Per category, the previous cycle stands beside this one so the change reads at a glance.
  function complaintSeries(complaints) {
    var series = [];
    if (complaints.previous) {
      series.push({ label: 'Previous cycle', data: complaints.previous, backgroundColor: '#b8c7d9', borderRadius: 3, maxBarThickness: 48 });
    }
    series.push({ label: complaints.previous ? 'This cycle' : 'Complaints', data: complaints.counts, backgroundColor: '#2f6fb3', borderRadius: 3, maxBarThickness: 48 });
    return series;
  }

  function complaintsChart(canvas, complaints) {
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: complaints.labels, datasets: complaintSeries(complaints) },
      options: {
        responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } },
        plugins: { legend: { display: !!complaints.previous, position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } } }
      }
    });
  }

  // Charts whose rows vary in number get a height to match; CSSOM styles are allowed by the page's policy.
  function sizeRows() {
    var boxes = document.querySelectorAll('.canvas-box[data-rows]');
    for (var i = 0; i < boxes.length; i++) {
      var rows = parseInt(boxes[i].getAttribute('data-rows'), 10) || 1;
      boxes[i].style.height = (rows * 36 + 80) + 'px';
    }
  }

  function draw() {
    var data = JSON.parse(document.getElementById('review-chart-data').textContent);
    var charts = [];
    function on(id, build, item) {
      var canvas = document.getElementById(id);
      if (canvas) { charts.push(build(canvas, item)); }
    }

    Chart.defaults.animation = false;
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    Chart.defaults.font.size = 12;
    Chart.defaults.color = '#4b5563';
    sizeRows();
    data.kpis.forEach(function (kpi) { on(kpi.canvas, kpiChart, kpi); });
    data.distributions.forEach(function (question) { on(question.canvas, answersChart, question); });
    if (data.themes) { on(data.themes.canvas, themesChart, data.themes); }
    if (data.complaints) { on(data.complaints.canvas, complaintsChart, data.complaints); }
    window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
    return charts;
  }

  try {
    window.reviewCharts = draw();
    document.documentElement.setAttribute('data-charts', 'ready');
  } catch (error) {
    document.documentElement.setAttribute('data-charts', 'failed');
    console.error('The review charts could not be drawn:', error);
  }
})();
