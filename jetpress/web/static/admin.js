/**
 * jetpress: the Jetpack dashboard on wp-admin/admin.php?page=jetpack.
 *
 * One ES module, no build step, no framework. It talks only to the public REST API
 * (jetpack/v4), with the page's cookie and the wp_rest nonce of window.Initial_State, as the
 * documentation's console examples do. A request refused with rest_cookie_invalid_nonce gets a
 * fresh nonce from admin-ajax.php?action=rest-nonce and is retried once; the new nonce is written
 * back to Initial_State.WP_API_nonce so the console examples keep working too.
 */

const state = {
	modules: {},
	connection: null,
	filters: { search: '', status: '', category: '' },
	refreshing: null,
};

/* ------------------------------------------------------------------ REST client */

/** An error the API (or the network) returned, with WordPress's code and message. */
export class ApiError extends Error {
	constructor( code, message, status, data ) {
		super( message );
		this.name = 'ApiError';
		this.code = code;
		this.status = status;
		this.data = data;
	}
}

function settings() {
	const initial = window.Initial_State || {};
	return {
		root: initial.WP_API_root || '/wp-json/',
		nonce: initial.WP_API_nonce || '',
		nonceEndpoint: ( window.ajaxurl || '/wp-admin/admin-ajax.php' ) + '?action=rest-nonce',
	};
}

/**
 * The REST root as this page reaches it. WP_API_root is built from the siteurl option; when the
 * page was opened under another host name (127.0.0.1 for localhost, say), the login cookie only
 * goes to this page's origin, so the same path is used there.
 */
function reachableRoot() {
	const root = new URL( settings().root, window.location.href );
	if ( root.origin === window.location.origin ) {
		return settings().root;
	}
	return window.location.origin + root.pathname + root.search;
}

/** root + path, as api-fetch's root URL middleware joins them (also for ?rest_route= roots). */
export function restUrl( path ) {
	const root = reachableRoot();
	let rest = path.replace( /^\//, '' );
	if ( root.indexOf( '?' ) !== -1 ) {
		rest = rest.replace( '?', '&' );
	}
	return root.replace( /\/$/, '' ) + '/' + rest;
}

/** Ask admin-ajax.php for a fresh wp_rest nonce (one request however many callers wait). */
export function refreshNonce() {
	if ( ! state.refreshing ) {
		state.refreshing = fetch( settings().nonceEndpoint, { credentials: 'same-origin' } )
			.then( ( response ) =>
				response.text().then( ( text ) => {
					// admin-ajax answers 400 "0" when the login cookie is no longer valid.
					if ( ! response.ok || ! /^[0-9a-f]{10}$/.test( text.trim() ) ) {
						throw new ApiError(
							'jetpress_session_expired',
							'Your session has expired. Please log in again.',
							response.status
						);
					}
					window.Initial_State = window.Initial_State || {};
					window.Initial_State.WP_API_nonce = text.trim();
					return text.trim();
				} )
			)
			.finally( () => {
				state.refreshing = null;
			} );
	}
	return state.refreshing;
}

async function send( method, path, data ) {
	const init = {
		method,
		credentials: 'same-origin',
		headers: { Accept: 'application/json', 'X-WP-Nonce': settings().nonce },
	};
	if ( data !== undefined ) {
		init.headers[ 'Content-Type' ] = 'application/json';
		init.body = JSON.stringify( data );
	}
	let response;
	try {
		response = await fetch( restUrl( path ), init );
	} catch ( error ) {
		throw new ApiError( 'fetch_error', 'The site could not be reached. Check your connection and try again.', 0 );
	}
	const text = await response.text();
	let body = null;
	try {
		body = text === '' ? null : JSON.parse( text );
	} catch ( error ) {
		throw new ApiError(
			'invalid_json',
			`The server answered with something that is not JSON (HTTP ${ response.status }).`,
			response.status
		);
	}
	if ( ! response.ok ) {
		const known = body && typeof body === 'object' && ! Array.isArray( body );
		throw new ApiError(
			known && body.code ? String( body.code ) : 'http_' + response.status,
			known && body.message ? plainText( String( body.message ) ) : `The request failed (HTTP ${ response.status }).`,
			response.status,
			known ? body.data : null
		);
	}
	return body;
}

/**
 * One REST request. On rest_cookie_invalid_nonce the nonce is refreshed and the request retried
 * once (what api-fetch does), and the person is told, not left with a silent failure.
 */
export async function api( path, { method = 'GET', data } = {} ) {
	try {
		return await send( method, path, data );
	} catch ( error ) {
		if ( ! ( error instanceof ApiError ) || error.code !== 'rest_cookie_invalid_nonce' ) {
			throw error;
		}
		await refreshNonce();
		notice( 'info', 'Your security token had expired; it was renewed and the request sent again.' );
		return send( method, path, data );
	}
}

/* ------------------------------------------------------------------ DOM helpers */

function el( tag, attributes = {}, ...children ) {
	const node = document.createElement( tag );
	for ( const [ name, value ] of Object.entries( attributes ) ) {
		if ( value === null || value === undefined || value === false ) {
			continue;
		}
		if ( name === 'class' ) {
			node.className = value;
		} else if ( name.startsWith( 'on' ) ) {
			node.addEventListener( name.slice( 2 ), value );
		} else if ( name in node && typeof value !== 'string' ) {
			node[ name ] = value;
		} else {
			node.setAttribute( name, value === true ? '' : value );
		}
	}
	for ( const child of children.flat() ) {
		if ( child !== null && child !== undefined && child !== false ) {
			node.append( child instanceof Node ? child : String( child ) );
		}
	}
	return node;
}

/** The text of an API string that may hold HTML or entities (never inserted as HTML). */
export function plainText( html ) {
	const doc = new DOMParser().parseFromString( String( html ), 'text/html' );
	return ( doc.body.textContent || '' ).replace( /\s+/g, ' ' ).trim();
}

function slugId( slug ) {
	return String( slug ).replace( /[^A-Za-z0-9_-]/g, '_' );
}

/** A message for the person: errors are role=alert, the rest role=status. */
function message( kind, text, extra ) {
	const alert = kind === 'error';
	return el(
		'div',
		{ class: `jp-notice jp-notice-${ kind }`, role: alert ? 'alert' : 'status' },
		el( 'p', {}, text, extra || null )
	);
}

function errorMessage( error ) {
	if ( error instanceof ApiError ) {
		const node = message( 'error', error.message + ' ', el( 'code', { class: 'jp-code' }, error.code ) );
		if ( error.code === 'jetpress_session_expired' ) {
			const login = '/wp-login.php?redirect_to=' + encodeURIComponent( window.location.href );
			node.querySelector( 'p' ).append( ' ', el( 'a', { href: login }, 'Log in again' ) );
		}
		return node;
	}
	return message( 'error', 'Something went wrong: ' + ( error && error.message ? error.message : error ) );
}

function notice( kind, text ) {
	const area = document.getElementById( 'jp-notices' );
	if ( ! area ) {
		return;
	}
	const node = message( kind, text );
	const dismiss = el( 'button', { type: 'button', class: 'jp-notice-dismiss', onclick: () => node.remove() },
		el( 'span', { class: 'screen-reader-text' }, 'Dismiss this notice' ), '×' );
	node.append( dismiss );
	area.replaceChildren( node );
}

function globalError( error ) {
	const area = document.getElementById( 'jp-notices' );
	area.replaceChildren( errorMessage( error ) );
}

/* ------------------------------------------------------------------ connection */

function offlineReason( offline ) {
	const reasons = [];
	if ( offline.constant ) {
		reasons.push( 'the JETPACK_DEV_DEBUG constant' );
	}
	if ( offline.url ) {
		reasons.push( 'the site URL (a local address)' );
	}
	if ( offline.filter ) {
		reasons.push( 'the jetpack_offline_mode filter' );
	}
	if ( offline.wpLocalConstant ) {
		reasons.push( 'WP_LOCAL_DEV' );
	}
	return reasons.length ? ` It is set by ${ reasons.join( ', ' ) }.` : '';
}

function renderConnection() {
	const body = document.getElementById( 'jp-connection-body' );
	const connection = state.connection;
	const offline = connection.offlineMode || {};
	const rows = [];
	let badge;
	if ( offline.isActive ) {
		badge = el( 'span', { class: 'jp-badge jp-badge-offline' }, 'Offline mode' );
		rows.push( el( 'p', {}, 'Jetpack runs in offline mode: modules that need WordPress.com are unavailable, and the site cannot be connected.' + offlineReason( offline ) ) );
	} else if ( connection.isActive ) {
		badge = el( 'span', { class: 'jp-badge jp-badge-on' }, 'Connected' );
		rows.push( el( 'p', {}, 'This site is connected to WordPress.com.' + ( connection.isUserConnected ? ' Your account is connected too.' : '' ) ) );
	} else {
		badge = el( 'span', { class: 'jp-badge jp-badge-off' }, 'Not connected' );
		rows.push( el( 'p', {}, connection.isRegistered
			? 'This site is registered with WordPress.com, but no user is connected yet.'
			: 'Connect Jetpack to WordPress.com to use all of its features.' ) );
		const feedback = el( 'div', { class: 'jp-inline-feedback' } );
		const button = el( 'button', { type: 'button', class: 'button button-primary', id: 'jp-connect' }, 'Connect Jetpack' );
		button.addEventListener( 'click', async () => {
			button.disabled = true;
			button.setAttribute( 'aria-busy', 'true' );
			feedback.replaceChildren( message( 'info', 'Asking WordPress.com for a connection link…' ) );
			try {
				const url = await api( 'jetpack/v4/connection/url' );
				if ( typeof url !== 'string' || ! /^https?:\/\//.test( url ) ) {
					throw new ApiError( 'invalid_connect_url', 'The connection link the site returned is not a URL.', 200 );
				}
				window.location.assign( url );
			} catch ( error ) {
				feedback.replaceChildren( errorMessage( error ) );
				button.disabled = false;
			} finally {
				button.removeAttribute( 'aria-busy' );
			}
		} );
		rows.push( el( 'p', {}, button ), feedback );
	}
	body.replaceChildren( el( 'p', { class: 'jp-status-line' }, 'Status: ', badge ), ...rows );
}

async function loadConnection() {
	try {
		state.connection = await api( 'jetpack/v4/connection' );
		renderConnection();
	} catch ( error ) {
		document.getElementById( 'jp-connection-body' ).replaceChildren( errorMessage( error ) );
	}
}

/* ------------------------------------------------------------------ modules */

function categories( module ) {
	return Array.isArray( module.feature ) ? module.feature.map( String ) : [];
}

function matches( module ) {
	const { search, status, category } = state.filters;
	if ( status === 'active' && ! module.activated ) {
		return false;
	}
	if ( status === 'inactive' && module.activated ) {
		return false;
	}
	if ( category && ! categories( module ).includes( category ) ) {
		return false;
	}
	if ( search ) {
		const haystack = [
			module.name,
			module.module,
			module.description,
			module.short_description,
			module.additional_search_queries,
			module.search_terms,
			...( module.module_tags || [] ),
			...categories( module ),
		].join( ' ' ).toLowerCase();
		return search.toLowerCase().split( /\s+/ ).filter( Boolean ).every( ( word ) => haystack.includes( word ) );
	}
	return true;
}

function sortedModules() {
	return Object.values( state.modules ).sort( ( a, b ) =>
		String( a.name ).localeCompare( String( b.name ) )
	);
}

function renderCategoryFilter() {
	const select = document.getElementById( 'jp-category-filter' );
	const names = new Set();
	Object.values( state.modules ).forEach( ( module ) => categories( module ).forEach( ( c ) => names.add( c ) ) );
	const current = select.value;
	select.replaceChildren(
		el( 'option', { value: '' }, 'All categories' ),
		...[ ...names ].sort().map( ( name ) => el( 'option', { value: name }, name ) )
	);
	select.value = names.has( current ) ? current : '';
}

function renderModules() {
	const list = document.getElementById( 'jp-module-list' );
	const all = sortedModules();
	const shown = all.filter( matches );
	list.replaceChildren( ...shown.map( moduleCard ) );
	const active = all.filter( ( m ) => m.activated ).length;
	document.getElementById( 'jp-module-count' ).textContent = shown.length === all.length
		? `${ all.length } modules, ${ active } active.`
		: `Showing ${ shown.length } of ${ all.length } modules.`;
}

function moduleCard( module ) {
	const slug = String( module.module );
	const id = slugId( slug );
	const nameId = `jp-module-${ id }-name`;
	const active = Boolean( module.activated );
	const feedback = el( 'div', { class: 'jp-inline-feedback', id: `jp-module-${ id }-feedback` } );
	const toggle = el(
		'button',
		{
			type: 'button',
			role: 'switch',
			class: 'jp-toggle',
			'aria-checked': active ? 'true' : 'false',
			'aria-labelledby': nameId,
			'aria-describedby': `jp-module-${ id }-state`,
			id: `jp-module-${ id }-toggle`,
		},
		el( 'span', { class: 'jp-toggle-track', 'aria-hidden': 'true' }, el( 'span', { class: 'jp-toggle-thumb' } ) )
	);
	toggle.addEventListener( 'click', () => toggleModule( slug, toggle, feedback ) );
	const tags = categories( module ).map( ( c ) => el( 'span', { class: 'jp-tag' }, c ) );
	const notes = [];
	if ( module.requires_connection && state.connection && ! state.connection.isActive ) {
		notes.push( el( 'span', { class: 'jp-tag jp-tag-warn' }, 'Needs a WordPress.com connection' ) );
	}
	if ( module.plan_classes && module.plan_classes.length && ! module.plan_classes.includes( 'free' ) ) {
		notes.push( el( 'span', { class: 'jp-tag jp-tag-warn' }, 'Paid plan' ) );
	}
	const options = module.options && typeof module.options === 'object' && ! Array.isArray( module.options )
		? module.options : {};
	const optionNames = Object.keys( options );
	const card = el(
		'article',
		{ class: 'jp-module' + ( active ? ' is-active' : '' ), 'aria-labelledby': nameId },
		el( 'div', { class: 'jp-module-head' },
			el( 'div', { class: 'jp-module-title' },
				el( 'h3', { id: nameId }, plainText( module.name ) ),
				el( 'span', { class: 'jp-module-state', id: `jp-module-${ id }-state` }, active ? 'Active' : 'Inactive' )
			),
			toggle
		),
		el( 'p', { class: 'jp-module-desc' }, plainText( module.short_description || module.description || '' ) ),
		el( 'p', { class: 'jp-tags' }, ...tags, ...notes ),
		feedback
	);
	if ( optionNames.length ) {
		const panelId = `jp-module-${ id }-settings`;
		const panel = el( 'div', { class: 'jp-settings', id: panelId, hidden: true } );
		const disclose = el( 'button', {
			type: 'button',
			class: 'button jp-settings-toggle',
			'aria-expanded': 'false',
			'aria-controls': panelId,
		}, 'Settings', el( 'span', { class: 'screen-reader-text' }, ` for ${ plainText( module.name ) }` ) );
		disclose.addEventListener( 'click', () => {
			const open = disclose.getAttribute( 'aria-expanded' ) !== 'true';
			disclose.setAttribute( 'aria-expanded', open ? 'true' : 'false' );
			panel.hidden = ! open;
			if ( open && ! panel.firstChild ) {
				panel.append( settingsForm( module ) );
			}
			if ( open ) {
				const first = panel.querySelector( 'input, select, textarea' );
				if ( first ) {
					first.focus();
				}
			}
		} );
		card.append( el( 'p', { class: 'jp-module-actions' }, disclose ), panel );
	}
	return el( 'li', { class: 'jp-module-item', id: `jp-module-${ id }`, 'data-module': slug }, card );
}

async function reloadModule( slug ) {
	const fresh = await api( `jetpack/v4/module/${ encodeURIComponent( slug ) }` );
	if ( fresh && typeof fresh === 'object' ) {
		state.modules[ slug ] = { ...state.modules[ slug ], ...fresh, module: slug };
	}
}

/** Replace a module's card, keeping focus on the control that had it. */
function rerenderModule( slug, focusSelector ) {
	const old = document.getElementById( `jp-module-${ slugId( slug ) }` );
	const module = state.modules[ slug ];
	if ( ! old || ! module ) {
		renderModules();
		return null;
	}
	const card = moduleCard( module );
	old.replaceWith( card );
	if ( focusSelector ) {
		const target = card.querySelector( focusSelector );
		if ( target ) {
			target.focus();
		}
	}
	return card;
}

async function toggleModule( slug, button, feedback ) {
	const module = state.modules[ slug ];
	const activate = ! module.activated;
	button.disabled = true;
	button.setAttribute( 'aria-busy', 'true' );
	feedback.replaceChildren();
	try {
		const result = await api( `jetpack/v4/module/${ encodeURIComponent( slug ) }/active`, {
			method: 'POST',
			data: { active: activate },
		} );
		// GET /module/<slug> has no "activated": the POST's success is the new state.
		module.activated = activate;
		try {
			await reloadModule( slug ); // options may change with activation
		} catch ( error ) {
			// the toggle itself succeeded; the card keeps the options it had
		}
		const card = rerenderModule( slug, '.jp-toggle' );
		const text = result && result.message ? plainText( result.message )
			: `${ plainText( module.name ) } ${ activate ? 'activated' : 'deactivated' }.`;
		if ( card ) {
			card.querySelector( '.jp-inline-feedback' ).replaceChildren( message( 'success', text ) );
		}
		renderCount();
	} catch ( error ) {
		button.disabled = false;
		button.removeAttribute( 'aria-busy' );
		feedback.replaceChildren( errorMessage( error ) );
	}
}

function renderCount() {
	const all = Object.values( state.modules );
	const shown = all.filter( matches ).length;
	const active = all.filter( ( m ) => m.activated ).length;
	document.getElementById( 'jp-module-count' ).textContent = shown === all.length
		? `${ all.length } modules, ${ active } active.`
		: `Showing ${ shown } of ${ all.length } modules.`;
}

/* ------------------------------------------------------------------ settings forms */

function fieldValue( option, input ) {
	const type = option.type;
	if ( type === 'boolean' ) {
		return input.checked;
	}
	if ( type === 'integer' || type === 'number' ) {
		const raw = input.value.trim();
		if ( raw === '' ) {
			return null;
		}
		const number = Number( raw );
		if ( ! Number.isFinite( number ) || ( type === 'integer' && ! Number.isInteger( number ) ) ) {
			throw new Error( type === 'integer' ? 'Enter a whole number.' : 'Enter a number.' );
		}
		return number;
	}
	if ( type === 'array' || type === 'object' ) {
		try {
			return JSON.parse( input.value );
		} catch ( error ) {
			throw new Error( 'Enter valid JSON.' );
		}
	}
	return input.value;
}

function initialValue( option ) {
	return 'current_value' in option ? option.current_value : option.default;
}

function sameValue( a, b ) {
	return JSON.stringify( a ) === JSON.stringify( b );
}

function optionField( module, name, option ) {
	const id = `jp-opt-${ slugId( module.module ) }-${ slugId( name ) }`;
	const label = plainText( option.description || '' ) || name;
	const value = initialValue( option );
	const error = el( 'p', { class: 'jp-field-error', id: `${ id }-error`, hidden: true } );
	const hint = el( 'span', { class: 'jp-field-key', id: `${ id }-key` }, name );
	let input;
	if ( option.type === 'boolean' ) {
		input = el( 'input', { type: 'checkbox', id, name, checked: Boolean( value ) } );
		return el( 'div', { class: 'jp-field jp-field-checkbox', 'data-option': name },
			input, el( 'label', { for: id }, label ), ' ', hint, error );
	}
	if ( Array.isArray( option.enum ) ) {
		const labels = option.enum_labels && typeof option.enum_labels === 'object' ? option.enum_labels : {};
		input = el( 'select', { id, name },
			...option.enum.map( ( choice ) => el( 'option', { value: String( choice ), selected: String( choice ) === String( value ) },
				plainText( labels[ choice ] !== undefined ? labels[ choice ] : choice ) ) ) );
	} else if ( option.type === 'integer' || option.type === 'number' ) {
		input = el( 'input', { type: 'number', id, name, step: option.type === 'integer' ? '1' : 'any', value: value === null || value === undefined ? '' : String( value ) } );
	} else if ( option.type === 'array' || option.type === 'object' ) {
		input = el( 'textarea', { id, name, rows: '3', spellcheck: 'false', class: 'jp-json' } );
		input.value = JSON.stringify( value === undefined ? null : value );
	} else {
		input = el( 'input', { type: 'text', id, name, value: value === null || value === undefined ? '' : String( value ) } );
	}
	input.setAttribute( 'aria-describedby', `${ id }-key ${ id }-error` );
	const kind = option.type === 'array' || option.type === 'object' ? ' (JSON)' : '';
	return el( 'div', { class: 'jp-field', 'data-option': name },
		el( 'label', { for: id }, label + kind ), input, hint, error );
}

function settingsForm( module ) {
	const slug = String( module.module );
	const options = module.options;
	const feedback = el( 'div', { class: 'jp-inline-feedback' } );
	const submit = el( 'button', { type: 'submit', class: 'button button-primary' }, 'Save settings' );
	const form = el( 'form', { class: 'jp-settings-form', 'aria-label': `${ plainText( module.name ) } settings`, novalidate: true },
		...Object.entries( options ).map( ( [ name, option ] ) => optionField( module, name, option ) ),
		el( 'p', { class: 'jp-form-actions' }, submit ),
		feedback
	);
	form.addEventListener( 'submit', async ( event ) => {
		event.preventDefault();
		feedback.replaceChildren();
		const changes = {};
		let invalid = null;
		for ( const [ name, option ] of Object.entries( options ) ) {
			const field = form.querySelector( `[data-option="${ CSS.escape( name ) }"]` );
			const input = field.querySelector( 'input, select, textarea' );
			const error = field.querySelector( '.jp-field-error' );
			error.hidden = true;
			input.removeAttribute( 'aria-invalid' );
			try {
				const value = fieldValue( option, input );
				if ( ! sameValue( value, initialValue( option ) ) ) {
					changes[ name ] = value;
				}
			} catch ( problem ) {
				error.textContent = problem.message;
				error.hidden = false;
				input.setAttribute( 'aria-invalid', 'true' );
				invalid = invalid || input;
			}
		}
		if ( invalid ) {
			feedback.replaceChildren( message( 'error', 'Some fields need attention.' ) );
			invalid.focus();
			return;
		}
		if ( ! Object.keys( changes ).length ) {
			feedback.replaceChildren( message( 'info', 'Nothing changed.' ) );
			return;
		}
		submit.disabled = true;
		submit.setAttribute( 'aria-busy', 'true' );
		try {
			const result = await api( 'jetpack/v4/settings', { method: 'POST', data: changes } );
			await reloadModule( slug );
			const card = rerenderModule( slug );
			const text = result && result.message ? plainText( result.message ) : 'Settings saved.';
			if ( card ) {
				card.querySelector( '.jp-settings-toggle' ).click();
				const again = card.querySelector( '.jp-settings-form .jp-inline-feedback' );
				again.replaceChildren( message( 'success', text ) );
				card.querySelector( '.jp-settings-form button[type=submit]' ).focus();
			}
		} catch ( error ) {
			submit.disabled = false;
			submit.removeAttribute( 'aria-busy' );
			feedback.replaceChildren( errorMessage( error ) );
			markInvalidParams( form, error );
		}
	} );
	return form;
}

/** Show rest_invalid_param's per-parameter messages next to their fields. */
function markInvalidParams( form, error ) {
	const params = error && error.data && error.data.params;
	if ( ! params || typeof params !== 'object' || Array.isArray( params ) ) {
		return;
	}
	let first = null;
	for ( const [ name, text ] of Object.entries( params ) ) {
		const field = form.querySelector( `[data-option="${ CSS.escape( name ) }"]` );
		if ( ! field ) {
			continue;
		}
		const input = field.querySelector( 'input, select, textarea' );
		const box = field.querySelector( '.jp-field-error' );
		box.textContent = plainText( text );
		box.hidden = false;
		input.setAttribute( 'aria-invalid', 'true' );
		first = first || input;
	}
	if ( first ) {
		first.focus();
	}
}

async function loadModules() {
	try {
		const modules = await api( 'jetpack/v4/module/all' );
		state.modules = {};
		for ( const [ slug, module ] of Object.entries( modules || {} ) ) {
			state.modules[ slug ] = { ...module, module: module.module || slug };
		}
		renderCategoryFilter();
		renderModules();
	} catch ( error ) {
		document.getElementById( 'jp-module-count' ).textContent = 'The modules could not be loaded.';
		document.getElementById( 'jp-module-list' ).replaceChildren( el( 'li', {}, errorMessage( error ) ) );
	}
}

/* ------------------------------------------------------------------ start */

function bindFilters() {
	const form = document.getElementById( 'jp-filters' );
	form.addEventListener( 'submit', ( event ) => event.preventDefault() );
	const search = document.getElementById( 'jp-search' );
	const status = document.getElementById( 'jp-status-filter' );
	const category = document.getElementById( 'jp-category-filter' );
	const update = () => {
		state.filters = { search: search.value.trim(), status: status.value, category: category.value };
		renderModules();
	};
	search.addEventListener( 'input', update );
	status.addEventListener( 'change', update );
	category.addEventListener( 'change', update );
}

export async function start() {
	bindFilters();
	// The connection first: module cards mention when a module needs it.
	await loadConnection();
	await loadModules();
	document.documentElement.dataset.jetpressReady = 'true';
}

window.jetpress = { api, refreshNonce, restUrl, ApiError };
if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', () => start().catch( globalError ) );
} else {
	start().catch( globalError );
}
