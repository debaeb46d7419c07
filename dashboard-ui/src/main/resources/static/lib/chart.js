// Charts: bars per time bucket, as SVG, with a summary for screen readers.
import { el, number, when } from './render.js';

const SVG = 'http://www.w3.org/2000/svg';

function svgElement(tag, attributes) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) {
        element.setAttribute(name, String(value));
    }
    return element;
}

/** The sum of `key` over the buckets. */
export function total(buckets, key) {
    return buckets.reduce((sum, bucket) => sum + (bucket[key] || 0), 0);
}

/** Stacked bars of each bucket's `series` ([key, class, label] each), its legend and `summary` in words. */
export function barChart(container, buckets, series, summary) {
    const width = 600;
    const height = 120;
    const max = Math.max(1, ...buckets.map((bucket) => series.reduce((sum, [key]) => sum + (bucket[key] || 0), 0)));
    const barWidth = width / Math.max(1, buckets.length);
    const svg = svgElement('svg', { viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none', role: 'img',
        'aria-label': summary });
    buckets.forEach((bucket, index) => {
        let top = height;
        for (const [key, className] of series) {
            const value = bucket[key] || 0;
            if (value > 0) {
                const barHeight = (value / max) * (height - 4);
                top -= barHeight;
                const rect = svgElement('rect', { x: index * barWidth, y: top, width: Math.max(1, barWidth - 1),
                    height: barHeight, class: className });
                const title = svgElement('title', {});
                title.textContent = when(bucket.start) + ': ' + value + ' ' + key;
                rect.append(title);
                svg.append(rect);
            }
        }
    });
    svg.append(svgElement('line', { x1: 0, x2: width, y1: height - 0.5, y2: height - 0.5, class: 'axis' }));
    const legend = el('ul', { className: 'legend' }, series.map(([, className, label]) =>
        el('li', {}, el('i', { className, 'aria-hidden': 'true' }), label)),
        el('li', { className: 'scale' }, 'highest bar: ' + number(max)),
        el('li', { className: 'scale' }, buckets.length ? 'from ' + when(buckets[0].start) : ''));
    container.replaceChildren(svg, legend, el('p', { className: 'visually-hidden' }, summary));
}
