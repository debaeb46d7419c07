// Filter forms and paged tables: the pages that list skipped movies, failures and list members share them.
import { vocabulary } from './api.js';
import { $, el, notify, number } from './render.js';

const PAGE_SIZE = 25;

const field = (label, control) => el('label', {}, label + ' ', control);

export const yearField = () => field('Year',
    el('input', { name: 'year', type: 'number', inputmode: 'numeric', min: 1874, max: 2100 }));

export const titleField = () => field('Title contains', el('input', { name: 'q', type: 'search', maxlength: 100 }));

/** A choice of the API's `values`, or none ("any"). */
export const choiceField = (name, label, values) => field(label, el('select', { name },
    el('option', { value: '' }, 'any'), values.map((value) => el('option', { value }, value))));

/** Free text, with `values` suggested. */
export const suggestedField = (name, label, values, placeholder) => [
    field(label, el('input', { name, list: name + '-suggestions', placeholder })),
    el('datalist', { id: name + '-suggestions' }, values.map((value) => el('option', { value })))];

/**
 * A filtered, paged table in the section {id}: its filter form ({id}-filters), built once the API has said which
 * values its filters take, then the table ({id}-table, which the page draws) and its pager ({id}-pager).
 * fields(vocabulary) gives the form's fields; a Filter button and `extras` follow them. A submission turns the pager
 * to the first page and draws the table anew with render(). Answers {pager, form, query}: form() answers the form,
 * built on its first call; query() the API's query of its filters and of the page on screen.
 */
export function filteredTable(id, fields, render, ...extras) {
    const pager = new Pager(id + '-pager');
    const submit = (event) => {
        event.preventDefault();
        pager.first();
        render().catch((error) => notify(error.message, true));
    };
    const build = (words) => {
        const form = el('form', { id: id + '-filters', className: 'filters', role: 'search', onsubmit: submit },
            fields(words), el('button', { type: 'submit' }, 'Filter'), extras);
        $(id).append(form, el('div', { id: id + '-table' }), el('div', { id: pager.id, className: 'pager' }));
        return form;
    };
    let built = null;
    const form = async () => {
        if (!built) {
            const words = await vocabulary();
            built ??= build(words);
        }
        return built;
    };
    return { pager, form, query: async () => query(await form(), pager.window) };
}

/** The API's query of a form: its fields that hold anything, trimmed, and `extra`. */
function query(form, extra) {
    const parameters = new URLSearchParams();
    for (const [name, value] of new FormData(form).entries()) {
        if (typeof value === 'string' && value.trim() !== '') {
            parameters.set(name, value.trim());
        }
    }
    for (const [name, value] of Object.entries(extra || {})) {
        parameters.set(name, String(value));
    }
    return parameters.toString();
}

/** Which page of a paged table is on screen, and its Previous and Next buttons under the table. */
export class Pager {
    constructor(id) {
        this.id = id;
        this.index = 0;
    }

    /** The API's limit and offset of the page on screen. */
    get window() {
        return { limit: PAGE_SIZE, offset: this.index * PAGE_SIZE };
    }

    first() {
        this.index = 0;
    }

    /** Draws the buttons under a page of `total` rows in all; render() draws the page they turn to. */
    show(total, render) {
        const from = total === 0 ? 0 : this.index * PAGE_SIZE + 1;
        const to = Math.min(total, (this.index + 1) * PAGE_SIZE);
        $(this.id).replaceChildren(
            el('button', { type: 'button', disabled: this.index === 0, onclick: () => { this.index--; render(); } },
                'Previous'),
            el('span', { 'aria-live': 'polite' }, from + '–' + to + ' of ' + number(total)),
            el('button', { type: 'button', disabled: to >= total, onclick: () => { this.index++; render(); } },
                'Next'));
    }
}
