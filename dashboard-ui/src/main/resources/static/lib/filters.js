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
 * The filter form of the empty <form id="{id}"> over a paged table, built once the API has said which values its
 * filters take: fields(vocabulary) gives its fields, and a Filter button and `extras` follow them. A submission
 * turns the pager to the first page and draws the table anew with render(). Answers a function that answers the
 * form, built on the first call.
 */
export function filterForm(id, fields, pager, render, ...extras) {
    const build = (words) => {
        const form = $(id);
        form.replaceChildren(...fields(words).flat(), el('button', { type: 'submit' }, 'Filter'), ...extras);
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            pager.first();
            render().catch((error) => notify(error.message, true));
        });
        return form;
    };
    let built = null;
    return async () => {
        if (!built) {
            const words = await vocabulary();
            built ??= build(words);
        }
        return built;
    };
}

/** The API's query of a form: its fields that hold anything, trimmed, and `extra`. */
export function query(form, extra) {
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
            el('button', { type: 'button', disabled: to >= total, onclick: () => { this.index++; render(); } }, 'Next'));
    }
}
