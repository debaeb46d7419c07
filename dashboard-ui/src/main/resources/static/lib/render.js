// Drawing helpers. Every value from the API reaches the page as text (textContent), never as markup.

export const $ = (id) => document.getElementById(id);

export const show = (value) => (value === null || value === undefined ? '–' : String(value));
export const number = (value) => (value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US'));
export const plural = (count, one, many) => number(count) + ' ' + (count === 1 ? one : many);
export const when = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '–');

export function duration(seconds) {
    if (seconds === null || seconds === undefined) {
        return '–';
    }
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) {
        return minutes + ' min';
    }
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? hours + ' h ' + (minutes % 60) + ' min' : Math.round(hours / 24) + ' days';
}

/** Builds an element: attributes (and on* handlers) from an object, children from strings or nodes, or lists of them. */
export function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'className') {
            element.className = value;
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

/** A table's row: the first value is its heading; the values at the `numeric` indexes align right. */
export function cells(values, numeric) {
    return values.map((value, index) => el(index === 0 ? 'th' : 'td',
        { scope: index === 0 ? 'row' : null, className: numeric && numeric.includes(index) ? 'number' : null },
        value));
}

/** A table drawn whole, in its scrolling frame: its caption, its column headings, its rows (with their id). */
export function table(caption, columns, rows, rowsId) {
    return el('div', { className: 'table-wrap' }, el('table', {}, el('caption', {}, caption),
        el('thead', {}, el('tr', {}, columns.map((name) => el('th', { scope: 'col' }, name)))),
        el('tbody', { id: rowsId }, rows)));
}

/** Labelled figures of a definition list: [label, value] pairs. */
export function figures(pairs) {
    return pairs.map(([label, value]) => el('div', {}, el('dt', {}, label), el('dd', {}, value)));
}

export function status(text) {
    return el('span', { className: 'status ' + text }, text.replace('_', ' '));
}

/** A button of an admin action in a table's row, named for screen readers by what it acts on; click(button). */
export function rowButton(text, label, click, disabled) {
    return el('button', { type: 'button', className: 'admin secondary', 'aria-label': label, disabled,
        onclick: (event) => click(event.currentTarget) }, text);
}

let noticeAt = 0;

/** Says what happened (an action's answer, an error) above the page, until the next page is opened. */
export function notify(message, bad) {
    noticeAt = message ? Date.now() : 0;
    const notice = $('notice');
    notice.textContent = message;
    notice.classList.toggle('bad', Boolean(bad));
}

/** Whether the notice was given this very second: an action's answer that led to the page being opened. */
export const noticeIsFresh = () => Date.now() - noticeAt <= 1000;

const REDRAW = 'cinegraph:redraw';

/** Has what is on screen read and drawn anew now, not at the next tick: after an action, say. */
export const redraw = () => document.dispatchEvent(new Event(REDRAW));
export const onRedraw = (listener) => document.addEventListener(REDRAW, listener);
