// Signing in and out, and running the admin's actions, which need the admin signed in.
import { credentials, get, onSignedOut, signIn, signOut } from './api.js';
import { $, notify, redraw } from './render.js';

function showSignedIn(user) {
    $('signed-in').hidden = false;
    $('user-name').textContent = user;
    $('sign-in-button').hidden = true;
    $('sign-out-button').hidden = false;
    document.querySelectorAll('.sign-in-hint').forEach((hint) => { hint.hidden = true; });
}

function showSignedOut() {
    $('signed-in').hidden = true;
    $('sign-in-button').hidden = false;
    $('sign-out-button').hidden = true;
    document.querySelectorAll('.sign-in-hint').forEach((hint) => { hint.hidden = false; });
}

let afterSignIn = null;

function askToSignIn(then) {
    afterSignIn = then || null;
    $('sign-in-error').textContent = '';
    $('sign-in-dialog').showModal();
    $('sign-in-form').elements.password.focus();
}

async function submitSignIn(event) {
    event.preventDefault();
    const form = $('sign-in-form');
    try {
        const session = await signIn(form.elements.user.value.trim(), form.elements.password.value);
        form.elements.password.value = '';
        $('sign-in-dialog').close();
        showSignedIn(session.user);
        notify('Signed in as ' + session.user + '.');
        redraw(); // what only the admin sees, now
        if (afterSignIn) {
            const then = afterSignIn;
            afterSignIn = null;
            then();
        }
    } catch (error) {
        $('sign-in-error').textContent = error.status === 401
            ? 'These credentials are not the admin\'s.' : error.message;
    }
}

/** Runs an admin action: asks to sign in first when needed, and says what the server answered. */
export async function act(button, action, describe) {
    if (!credentials()) {
        askToSignIn(() => act(button, action, describe));
        return;
    }
    if (button) {
        button.disabled = true;
    }
    try {
        const answer = await action();
        notify(describe(answer));
        redraw();
    } catch (error) {
        notify((error.title ? error.title + ': ' : '') + error.message, true);
    } finally {
        if (button) {
            button.disabled = false;
        }
    }
}

/** Wires the header's and the dialog's buttons, and shows whether this tab is signed in. */
export function wireSession() {
    $('sign-in-button').addEventListener('click', () => askToSignIn());
    document.querySelectorAll('[data-sign-in]').forEach((button) => button.addEventListener('click', () => askToSignIn()));
    $('sign-out-button').addEventListener('click', () => { signOut(); notify('Signed out.'); });
    $('sign-in-form').addEventListener('submit', submitSignIn);
    $('sign-in-cancel').addEventListener('click', () => $('sign-in-dialog').close());
    onSignedOut(() => {
        showSignedOut();
        redraw(); // what only the admin sees goes
    });
    if (credentials()) {
        get('/api/admin/session').then((session) => showSignedIn(session.user)).catch(() => signOut());
    } else {
        showSignedOut();
    }
}
