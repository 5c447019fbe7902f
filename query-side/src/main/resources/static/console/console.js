// The groupbuy console: plain JavaScript over the role-protected APIs. Every call carries the bearer token the user
// signed in with; the pages themselves hold no data. See docs/console.md.
'use strict';

const TOKEN_KEY = 'groupbuy.console.token';
const COUNTER_POLL_MS = 3000;
const OPERATOR_POLL_MS = 5000;
const FRESHNESS_HEADERS = ['X-Read-Model-Position', 'X-Read-Model-Event-Time', 'X-Read-Model-Age'];

const state = {settings: {operatorUrl: null, devTokens: false, signIn: []}, timer: null, loaded: {}};
const $ = id => document.getElementById(id);

class Refused extends Error {
    constructor(status, problem) {
        super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
        this.status = status;
        this.code = problem && problem.code;
    }
}

// ---- calls ----------------------------------------------------------------------------------------------------

function token() {
    return sessionStorage.getItem(TOKEN_KEY);
}

async function call(url, options = {}) {
    const headers = Object.assign({Accept: 'application/json'}, options.headers || {});
    if (token()) {
        headers.Authorization = 'Bearer ' + token();
    }
    const response = await fetch(url, Object.assign({}, options, {headers}));
    if (!response.ok) {
        let problem = null;
        try {
            problem = await response.json();
        } catch (ignored) {
            // not problem+json: the status says enough
        }
        throw new Refused(response.status, problem);
    }
    return response;
}

async function json(url, options) {
    const response = await call(url, options);
    return {body: await response.json(), headers: response.headers};
}

// ---- sign-in --------------------------------------------------------------------------------------------------

function claims() {
    const t = token();
    if (!t) {
        return null;
    }
    try {
        const payload = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(atob(payload));
    } catch (e) {
        return {sub: '?', roles: []};
    }
}

function signIn(newToken) {
    sessionStorage.setItem(TOKEN_KEY, newToken.trim());
    state.signInFailed = false;
    showIdentity();
    show(currentView());
}

async function devSignIn(role) {
    const response = await fetch('/api/v1/dev/tokens', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify({userId: 'console-' + role, roles: [role]})
    });
    if (!response.ok) {
        say('Could not get a dev token (HTTP ' + response.status + ')');
        return;
    }
    signIn((await response.json()).token);
}

// Back from the identity provider, the query side's session holds the user's access token: take it once.
async function pickUpProviderToken() {
    const response = await fetch('/console/token', {headers: {Accept: 'application/json'}});
    if (response.ok) {
        sessionStorage.setItem(TOKEN_KEY, (await response.json()).token);
    }
}

function showProviderSignIn() {
    const box = $('oidc-sign-in');
    state.settings.signIn.forEach(provider => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'provider';
        button.textContent = 'Sign in with ' + provider.name;
        button.addEventListener('click', () => location.assign(provider.url));
        box.append(button);
    });
    box.hidden = state.settings.signIn.length === 0;
}

async function signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
    state.signInFailed = false;
    if (state.settings.signIn.length > 0) {
        await fetch('/console/sign-out', {method: 'POST'});
    }
    showIdentity();
    show(currentView());
}

function showIdentity() {
    const c = claims();
    $('identity').textContent = c ? 'signed in as ' + c.sub + ' (' + (c.roles || []).join(', ') + ')'
        : 'not signed in';
}

// ---- messages and freshness -----------------------------------------------------------------------------------

function say(text, kind) {
    const message = $('message');
    message.textContent = text;
    message.className = kind || '';
    message.hidden = !text;
}

function refused(error, view) {
    if (error instanceof Refused && error.status === 403) {
        const roles = (claims() || {}).roles || [];
        say('Forbidden: the ' + view + ' view needs another role than yours (' + roles.join(', ') + ').',
            'forbidden');
    } else if (error instanceof Refused && error.status === 401) {
        say('Not signed in, or the token is no longer valid: sign in again.', 'forbidden');
    } else {
        say('Failed: ' + error.message, 'error');
    }
}

function freshness(element, headers) {
    const [position, eventTime, age] = FRESHNESS_HEADERS.map(name => headers.get(name));
    element.textContent = 'Read model: ' + (position || 'n/a')
        + (eventTime ? ' · newest event ' + eventTime : ' · no event yet')
        + (age !== null ? ' · ' + age + ' s old' : '');
    element.dataset.position = position || '';
    element.dataset.age = age || '';
}

// ---- charts ---------------------------------------------------------------------------------------------------

function chart(canvasId, type, labels, datasets, options = {}) {
    const existing = Chart.getChart(canvasId);
    if (existing) {
        existing.destroy();
    }
    return new Chart($(canvasId), {
        type,
        data: {labels, datasets},
        options: Object.assign({animation: false, responsive: true, maintainAspectRatio: false}, options)
    });
}

function facts(dl, entries) {
    dl.replaceChildren(...entries.flatMap(([name, value]) => {
        const dt = document.createElement('dt');
        dt.textContent = name;
        const dd = document.createElement('dd');
        dd.textContent = value === null || value === undefined ? '–' : value;
        return [dt, dd];
    }));
}

function money(cents) {
    return (cents / 100).toFixed(2);
}

// ---- CSV ------------------------------------------------------------------------------------------------------

function download(filename, blob) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function csvCell(value) {
    const text = value === null || value === undefined ? '' : String(value);
    const guarded = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
    return /[",\r\n]/.test(guarded) ? '"' + guarded.replace(/"/g, '""') + '"' : guarded;
}

/** One object (an analytics answer) as a two-line CSV: its flat fields, nested ones as dotted names. */
function objectCsv(object) {
    const flat = {};
    const walk = (prefix, value) => {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
            Object.entries(value).forEach(([k, v]) => walk(prefix ? prefix + '.' + k : k, v));
        } else {
            flat[prefix] = Array.isArray(value) ? value.join(' ') : value;
        }
    };
    walk('', object);
    const names = Object.keys(flat);
    return names.map(csvCell).join(',') + '\r\n' + names.map(n => csvCell(flat[n])).join(',') + '\r\n';
}

// ---- analyst --------------------------------------------------------------------------------------------------

function salesQuery() {
    return new URLSearchParams({from: $('sales-from').value, to: $('sales-to').value,
        bucket: $('sales-bucket').value});
}

async function loadSales() {
    const measure = $('sales-measure').value;
    const rows = [];
    let page = 0;
    let headers;
    for (; ;) {
        const params = salesQuery();
        params.set('page', page);
        params.set('size', 10000);
        const answer = await json('/api/v1/analytics/sales?' + params);
        headers = headers || answer.headers;
        rows.push(...answer.body.rows);
        if (!answer.body.hasMore) {
            break;
        }
        page++;
    }
    freshness($('sales-freshness'), headers);
    $('sales-bucket-name').textContent = $('sales-bucket').value;
    const byBucket = new Map();
    const byCategory = new Map();
    rows.forEach(row => {
        byBucket.set(row.bucketStart, (byBucket.get(row.bucketStart) || 0) + row[measure]);
        byCategory.set(row.category, (byCategory.get(row.category) || 0) + row[measure]);
    });
    const label = $('sales-measure').selectedOptions[0].textContent;
    const scale = measure === 'revenueCents' ? cents => cents / 100 : n => n;
    const buckets = [...byBucket.keys()].sort();
    chart('sales-chart', 'bar', buckets.map(b => $('sales-bucket').value === 'day' ? b.slice(0, 10)
            : b.slice(0, 16).replace('T', ' ')),
        [{label, data: buckets.map(b => scale(byBucket.get(b))), backgroundColor: '#3b82f6'}]);
    const categories = [...byCategory.keys()].sort();
    chart('category-chart', 'doughnut', categories,
        [{label, data: categories.map(c => scale(byCategory.get(c)))}]);
}

async function salesCsv() {
    const params = salesQuery();
    const response = await call('/api/v1/analytics/sales?' + params, {headers: {Accept: 'text/csv'}});
    download('sales-by-' + $('sales-bucket').value + '.csv', await response.blob());
}

/** Fills a select with the ids a listing answers, keeping the one chosen; the first is chosen otherwise. */
async function fillChoices(selectId, listing, idField, describe) {
    const select = $(selectId);
    const chosen = select.value;
    const {body} = await json(listing);
    select.replaceChildren(...body.items.map(item => new Option(describe(item), item[idField])));
    if (chosen && [...select.options].some(o => o.value === chosen)) {
        select.value = chosen;
    }
}

const promotions = {
    coupon: {
        listing: '/api/v1/coupon-campaigns?limit=200', idField: 'campaignId',
        describe: c => c.campaignId + ' (' + c.remaining + ' left)',
        analytics: id => '/api/v1/analytics/coupon-campaigns/' + encodeURIComponent(id),
        draw(stats) {
            chart('coupon-chart', 'bar', ['claimed', 'redeemed', 'restored', 'redeemed (net)'],
                [{label: 'coupons', data: [stats.claimed, stats.redeemed, stats.restored, stats.redeemedNet],
                    backgroundColor: '#10b981'}]);
            facts($('coupon-facts'), [['total', stats.totalQuantity], ['remaining', stats.remaining],
                ['discount given', money(stats.discountGivenCents)], ['stopped', stats.stoppedAt]]);
        }
    },
    flash: {
        listing: '/api/v1/flash-sales?limit=200', idField: 'flashSaleId',
        describe: s => s.sku + ' · ' + s.flashSaleId.slice(0, 8) + ' (' + s.status + ')',
        analytics: id => '/api/v1/analytics/flash-sales/' + encodeURIComponent(id),
        draw(stats) {
            chart('flash-chart', 'bar', ['placed', 'admitted', 'confirmed', 'paid'],
                [{label: 'orders', data: [stats.placed, stats.admitted, stats.confirmed, stats.paid],
                    backgroundColor: '#f59e0b'}], {indexAxis: 'y'});
            facts($('flash-facts'), [['units sold', stats.unitsSold + ' of ' + stats.quantity],
                ['sell-through', stats.sellThrough === null ? null : (stats.sellThrough * 100).toFixed(1) + ' %'],
                ['revenue', money(stats.revenueCents)], ['rejected', stats.rejected], ['expired', stats.expired]]);
        }
    },
    group: {
        listing: '/api/v1/group-buys?limit=200', idField: 'groupBuyId',
        describe: d => d.sku + ' · ' + d.groupBuyId.slice(0, 8) + ' (groups of ' + d.groupSize + ')',
        analytics: id => '/api/v1/analytics/group-buys/' + encodeURIComponent(id),
        draw(stats) {
            chart('group-chart', 'bar', ['opened', 'open', 'completed', 'failed'],
                [{label: 'groups', data: [stats.groupsOpened, stats.groupsOpen, stats.groupsCompleted,
                        stats.groupsFailed], backgroundColor: '#8b5cf6'}]);
            facts($('group-facts'), [['completion', (stats.completionRate * 100).toFixed(1) + ' %'],
                ['members joined', stats.membersJoined], ['members paid', stats.membersPaid],
                ['status', stats.status]]);
        }
    }
};

async function loadPromotion(kind) {
    const promotion = promotions[kind];
    const id = $(kind + '-id').value;
    if (!id) {
        $(kind + '-freshness').textContent = 'None running now.';
        return;
    }
    const {body, headers} = await json(promotion.analytics(id));
    freshness($(kind + '-freshness'), headers);
    state.loaded[kind] = body;
    promotion.draw(body);
}

async function loadAnalyst() {
    await loadSales();
    for (const [kind, promotion] of Object.entries(promotions)) {
        await fillChoices(kind + '-id', promotion.listing, promotion.idField, promotion.describe);
        await loadPromotion(kind);
    }
}

function tableRow(texts) {
    const row = document.createElement('tr');
    texts.forEach(text => {
        const cell = document.createElement('td');
        cell.textContent = text === null || text === undefined ? '' : text;
        row.appendChild(cell);
    });
    return row;
}

// ---- counter --------------------------------------------------------------------------------------------------

async function loadCounter() {
    const {body, headers} = await json('/api/v1/counter/queue?size=200');
    freshness($('counter-freshness'), headers);
    $('counter-updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    $('counter-table').tBodies[0].replaceChildren(...body.items.map(entry => {
        const row = tableRow([entry.pickupCode, entry.status, entry.since, entry.collectBy, entry.promotionKind,
            entry.lines.map(l => l.quantity + ' × ' + l.sku).join(', ')]);
        row.dataset.orderId = entry.orderId;
        row.className = entry.status.toLowerCase();
        return row;
    }));
}

// ---- operator -------------------------------------------------------------------------------------------------

function operatorUrl(path) {
    return state.settings.operatorUrl.replace(/\/$/, '') + path;
}

function confirmThen(text, action) {
    $('confirm-text').textContent = text;
    const dialog = $('confirm');
    dialog.onclose = () => {
        if (dialog.returnValue === 'ok') {
            action().catch(error => refused(error, 'operator'));
        }
    };
    dialog.returnValue = '';
    dialog.showModal();
}

async function operatorAction(name, path, what) {
    const {body} = await json(operatorUrl('/admin/projections/' + encodeURIComponent(name) + path),
        {method: 'POST'});
    $('operator-result').textContent = what + ' of ' + name + ': ' + JSON.stringify(body);
    await loadOperator();
}

function actionButton(label, onClick) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', onClick);
    return button;
}

async function loadOperator() {
    if (!state.settings.operatorUrl) {
        $('operator-source').textContent = 'The operator endpoints are not configured for this console '
            + '(groupbuy.console.operator-url on the query side).';
        return;
    }
    const {body} = await json(operatorUrl('/admin/overview'));
    $('operator-source').textContent = 'From the projections process at ' + state.settings.operatorUrl
        + ', measured ' + body.at;
    $('operator-updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    $('order-queue-depth').textContent = body.orderQueue.depth < 0 ? 'not measured yet' : body.orderQueue.depth;
    const names = body.projections.map(p => p.name);
    chart('lag-chart', 'bar', names, [
        {label: 'lag (events)', data: body.projections.map(p => p.lagEvents), backgroundColor: '#ef4444'},
        {label: 'dead letters waiting', data: body.projections.map(p => p.deadLettersPending),
            backgroundColor: '#6b7280'}]);
    $('projection-table').tBodies[0].replaceChildren(...body.projections.map(p => {
        const row = tableRow([p.name, p.store, p.position, p.lagEvents, p.lagSeconds.toFixed(1), p.deadLettered,
            p.deadLettersPending, p.lastRebuild ? p.lastRebuild.state : '']);
        row.dataset.projection = p.name;
        const actions = document.createElement('td');
        actions.append(
            actionButton('Replay dead letters', () => confirmThen('Replay the dead letters of ' + p.name + '?',
                () => operatorAction(p.name, '/dead-letters/replay', 'Replay'))),
            actionButton('Rebuild', () => confirmThen('Rebuild the read model ' + p.name
                + ' from Kafka? It is rebuilt beside the live one and swapped in when done.',
                () => operatorAction(p.name, '/rebuild', 'Rebuild'))));
        row.appendChild(actions);
        return row;
    }));
}

// ---- views ----------------------------------------------------------------------------------------------------

const views = {
    analyst: {load: loadAnalyst, poll: 0},
    counter: {load: loadCounter, poll: COUNTER_POLL_MS},
    operator: {load: loadOperator, poll: OPERATOR_POLL_MS}
};

function currentView() {
    const name = location.hash.replace('#', '');
    return views[name] ? name : 'analyst';
}

async function show(name) {
    clearTimeout(state.timer);
    document.querySelectorAll('.view').forEach(v => v.hidden = v.id !== name);
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === name));
    document.body.dataset.view = name;
    say('');
    if (!token()) {
        say(state.signInFailed ? 'Sign-in with the identity provider failed: try again.'
            : 'Sign in to see the ' + name + ' view.', 'forbidden');
        return;
    }
    const view = views[name];
    document.body.dataset.loaded = '';
    try {
        await view.load();
        document.body.dataset.loaded = name;
    } catch (error) {
        refused(error, name);
        document.body.dataset.loaded = 'failed:' + name;
        return;
    }
    if (view.poll) {
        state.timer = setTimeout(() => currentView() === name && show(name), view.poll);
    }
}

function today() {
    return new Date().toISOString().slice(0, 10);
}

function tomorrow() {
    return new Date(Date.now() + 86400000).toISOString().slice(0, 10);
}

async function start() {
    $('sales-from').value = today();
    $('sales-to').value = tomorrow();
    try {
        state.settings = Object.assign(state.settings, await (await fetch('/console/settings.json')).json());
    } catch (e) {
        say('Could not read the console settings: ' + e.message, 'error');
    }
    $('dev-sign-in').hidden = !state.settings.devTokens;
    showProviderSignIn();
    if (new URLSearchParams(location.search).has('sign-in-failed')) {
        history.replaceState(null, '', location.pathname + location.hash);
        state.signInFailed = true;
    } else if (state.settings.signIn.length > 0 && !token()) {
        await pickUpProviderToken().catch(e => say('Could not take the sign-in: ' + e.message, 'error'));
    }
    document.querySelectorAll('#dev-sign-in button').forEach(b =>
        b.addEventListener('click', () => devSignIn(b.dataset.role)));
    $('token-form').addEventListener('submit', e => {
        e.preventDefault();
        signIn($('token-input').value);
    });
    $('sign-out').addEventListener('click', () => signOut().catch(e => say('Sign-out failed: ' + e.message, 'error')));
    $('sales-form').addEventListener('submit', e => {
        e.preventDefault();
        loadSales().catch(error => refused(error, 'analyst'));
    });
    $('sales-measure').addEventListener('change', () => loadSales().catch(error => refused(error, 'analyst')));
    $('sales-csv').addEventListener('click', () => salesCsv().catch(error => refused(error, 'analyst')));
    Object.keys(promotions).forEach(kind => {
        $(kind + '-id').addEventListener('change', () => loadPromotion(kind).catch(e => refused(e, 'analyst')));
        $(kind + '-csv').addEventListener('click', () => {
            if (state.loaded[kind]) {
                download(kind + '-' + $(kind + '-id').value + '.csv',
                    new Blob([objectCsv(state.loaded[kind])], {type: 'text/csv'}));
            }
        });
    });
    window.addEventListener('hashchange', () => show(currentView()));
    showIdentity();
    await show(currentView());
}

document.addEventListener('DOMContentLoaded', start);
