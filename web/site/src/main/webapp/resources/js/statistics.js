// Draws the dashboard's charts with Chart.js (served from our own origin). The data comes from the
// canvases' data-chart attributes (JSON); no inline script, so the Content-Security-Policy holds.
(function () {
    'use strict';
    const colours = ['#00507a', '#2e7d32', '#a4000f'];
    function draw() {
        if (typeof Chart === 'undefined') {
            return;
        }
        document.querySelectorAll('canvas.statistics-chart').forEach(function (canvas) {
            const spec = JSON.parse(canvas.dataset.chart);
            const kind = canvas.dataset.kind || 'bar';
            new Chart(canvas, {
                type: kind,
                data: {
                    labels: spec.labels,
                    datasets: spec.datasets.map(function (set, i) {
                        return {
                            label: set.label,
                            data: set.data,
                            backgroundColor: colours[i % colours.length],
                            borderColor: colours[i % colours.length],
                            spanGaps: true
                        };
                    })
                },
                options: {
                    animation: false,
                    responsive: true,
                    scales: { y: { beginAtZero: true } }
                }
            });
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
}());
