// Swagger UI as the admins' tool (wired in application.properties): signing in with the signIn operation authorizes
// Swagger UI with the token it answers; that token goes with every request to the API, public reads included, since
// signed-in reads show drafts and give the editing tag; and an If-Match of "current" is replaced by the resource's
// editing tag, read signed in just before the write. Each of these says what it did in a status line.
window.NoticeboardSwaggerUi = (function () {
    'use strict';

    const SCHEME = 'bearerToken';
    const TOKEN_PATH = '/api/auth/token';
    const CURRENT = 'current';
    let system = null;

    function apiUrl(url) {
        const parsed = new URL(url, window.location.href);
        return parsed.origin === window.location.origin && parsed.pathname.startsWith('/api/') ? parsed : null;
    }

    function headerName(headers, wanted) {
        return Object.keys(headers).find(name => name.toLowerCase() === wanted.toLowerCase());
    }

    function heldToken() {
        return system ? system.authSelectors.authorized().getIn([SCHEME, 'value']) : null;
    }

    function say(text) {
        let line = document.getElementById('noticeboard-status');
        if (!line) {
            line = document.createElement('div');
            line.id = 'noticeboard-status';
            line.setAttribute('role', 'status');
            // Set through the CSSOM, which the Content-Security-Policy allows; clicks pass through to what it covers.
            Object.assign(line.style, {
                position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '1000', pointerEvents: 'none',
                padding: '0.6em 1.2em', background: '#1f2933', color: '#fff', font: '14px/1.4 sans-serif'
            });
            document.body.appendChild(line);
        }
        line.textContent = text;
    }

    // Menu items take their menu's tag; everything else is read where it is written.
    function editingTagSource(path) {
        const menuItem = path.match(/^(\/api\/menus\/[^/]+)\/items(\/|$)/);
        return menuItem ? menuItem[1] : path;
    }

    async function replaceCurrentTag(request, url, ifMatch) {
        const source = editingTagSource(url.pathname);
        const headers = { Accept: 'application/json' };
        const authorization = headerName(request.headers, 'Authorization');
        if (authorization) {
            headers.Authorization = request.headers[authorization];
        }
        let read;
        try {
            read = await fetch(source, { headers, cache: 'no-store' });
        } catch (failure) {
            read = null;
        }
        const tag = read && read.ok ? read.headers.get('ETag') : null;
        if (tag) {
            request.headers[ifMatch] = tag;
            say('If-Match "current" was sent as ' + tag + ': the ETag of GET ' + source + ', read signed in just now.');
        } else {
            delete request.headers[ifMatch];
            say('If-Match "current" could not be replaced (GET ' + source + ' answered '
                + (read ? read.status : 'nothing') + '), so the request was sent without If-Match.');
        }
    }

    async function beforeRequest(request) {
        const url = request.loadSpec ? null : apiUrl(request.url);
        if (!url) {
            return request;
        }
        const token = heldToken();
        if (token && url.pathname !== TOKEN_PATH && !headerName(request.headers, 'Authorization')) {
            request.headers.Authorization = 'Bearer ' + token;
        }
        const ifMatch = headerName(request.headers, 'If-Match');
        if (ifMatch && String(request.headers[ifMatch]).trim() === CURRENT) {
            await replaceCurrentTag(request, url, ifMatch);
        }
        return request;
    }

    function afterResponse(response) {
        const url = apiUrl(response.url);
        if (!system || !url) {
            return response;
        }
        if (url.pathname !== TOKEN_PATH) {
            // Every request carries the token held, so a 401 means the server no longer takes it.
            if (response.status === 401 && heldToken()) {
                system.authActions.logout([SCHEME]);
                say('The token was refused (expired or revoked), so Swagger UI no longer sends it: sign in again.');
            }
            return response;
        }
        const token = response.status === 200 && response.body ? response.body.access_token : null;
        if (token) {
            const schema = system.specSelectors.specJson().getIn(['components', 'securitySchemes', SCHEME]);
            system.authActions.authorize({ [SCHEME]: { name: SCHEME, value: token, schema: schema.toJS() } });
            say('Signed in: Swagger UI now sends this token with every request, so reads show drafts and give the '
                + 'editing tag. An If-Match of "current" is replaced by that tag.');
        } else if (response.status === 204) {
            system.authActions.logout([SCHEME]);
            say('Signed out: Swagger UI no longer sends a token.');
        }
        return response;
    }

    return {
        plugin: function () {
            return { afterLoad: loaded => { system = loaded; } };
        },
        beforeRequest,
        afterResponse
    };
})();
