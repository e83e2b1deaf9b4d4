/*
 * The chat widget: Bot Framework Web Chat over Direct Line, for this page and for a clinic's own site.
 *
 *   <script src="https://BOT-HOST/lib/webchat.js"></script>
 *   <script src="https://BOT-HOST/js/chat-widget.js" data-target="chat" defer></script>
 *
 * It asks the bot host for its configuration (GET /webchat/config), gets a token from the token endpoint (the Direct
 * Line secret stays on the server), and renders Web Chat. The conversation id and token are kept in sessionStorage,
 * so a reload in the same tab resumes the same conversation. Without data-target a floating launcher button opens the
 * chat in a panel (full-screen on a phone, see chat-widget.css); the close button or Escape hides it and the
 * conversation stays.
 *
 * Attributes: data-target (id of an element to render into), data-bot-origin (defaults to this script's origin),
 * data-title (panel title), data-launcher-label, data-bot-initials, data-emergency-number (shows "In an emergency,
 * call N now" with a tap-to-call link above the conversation in the panel).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var settings = script ? script.dataset : {};
  var botOrigin = settings.botOrigin || (script ? new URL(script.src, document.baseURI).origin : window.location.origin);
  var storageKey = 'webchat-session:' + botOrigin;
  var ConnectionStatus = { Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };
  var activeDirectLine = null;

  function readSession() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      // Resume only with a token that stays valid long enough to refresh it.
      return saved && saved.conversationId && saved.token && tokenExpiry(saved.token) - Date.now() > 60000 ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function writeSession(conversationId, token) {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify({ conversationId: conversationId, token: token }));
    } catch (e) {
      // Storage can be disabled; the chat still works, it just will not resume after a reload.
    }
  }

  function clearSession() {
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch (e) {
      // See writeSession.
    }
  }

  // Direct Line tokens are JWTs; the expiry tells whether a saved one can still resume the conversation.
  function tokenExpiry(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(window.atob(payload)).exp * 1000;
    } catch (e) {
      return 0;
    }
  }

  function fetchJson(url, method) {
    return window.fetch(url, { method: method, credentials: 'omit', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) {
        throw new Error('The chat service answered ' + response.status + '.');
      }
      return response.json();
    });
  }

  function createDirectLine(config, session) {
    var options = { domain: config.domain, webSocket: config.webSocket, pollingInterval: config.pollingInterval, token: session.token };
    if (session.resume) {
      options.conversationId = session.conversationId;
    }
    return window.WebChat.createDirectLine(options);
  }

  function startSession(config) {
    var saved = readSession();
    if (saved) {
      return Promise.resolve({ conversationId: saved.conversationId, token: saved.token, resume: true });
    }
    return fetchJson(config.tokenUrl, 'POST').then(function (issued) {
      writeSession(issued.conversationId, issued.token);
      return { conversationId: issued.conversationId, token: issued.token, resume: false };
    });
  }

  function render(host, config, session) {
    var directLine = createDirectLine(config, session);
    var everOnline = false;

    directLine.connectionStatus$.subscribe(function (status) {
      if (status === ConnectionStatus.Online) {
        everOnline = true;
        host.setAttribute('data-chat-status', 'online');
      } else if (status === ConnectionStatus.Ended || status === ConnectionStatus.FailedToConnect) {
        host.setAttribute('data-chat-status', 'ended');
        if (session.resume && !everOnline) {
          // The saved conversation is gone (expired, or the server restarted): start a new one.
          clearSession();
          window.setTimeout(function () { boot(host, config); }, 0);
        }
      }
    });

    activeDirectLine = directLine;
    var mount = document.createElement('div');
    mount.className = 'chat-widget-mount';
    host.replaceChildren(mount);
    // The same phone test as the full-screen panel in chat-widget.css.
    var phone = window.matchMedia('(max-width: 600px), (max-height: 500px)').matches;
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        locale: config.locale || document.documentElement.lang || window.navigator.language || 'en-US',
        styleOptions: {
          hideUploadButton: true,
          botAvatarInitials: settings.botInitials || undefined,
          userAvatarInitials: settings.botInitials ? 'You' : undefined,
          accent: '#0b6e69',
          bubbleBorderRadius: 10,
          bubbleFromUserBorderRadius: 10,
          suggestedActionBorderRadius: 16,
          // On a phone the suggested actions scroll sideways in one row, so the conversation keeps the room; on a
          // larger screen they wrap, all in view.
          suggestedActionLayout: phone ? 'carousel' : 'flow',
          suggestedActionsCarouselFlipperBoxWidth: 44,
          // Touch targets of at least 44x44 CSS px, and no text below 16px (timestamps included).
          suggestedActionHeight: 44,
          sendBoxHeight: 48,
          fontSizeSmall: '100%',
          // A reply taller than the chat (the urgent message on a phone) stops scrolling at its first line, where
          // "Call 911 now" is, instead of at its last.
          autoScrollSnapOnPage: true,
          scrollToEndButtonFontSize: '100%'
        }
      },
      mount
    );
  }

  // Keep the newest token (directlinejs refreshes it) so a reload can resume.
  function rememberSession() {
    if (activeDirectLine && activeDirectLine.token && activeDirectLine.conversationId) {
      writeSession(activeDirectLine.conversationId, activeDirectLine.token);
    }
  }
  window.addEventListener('pagehide', rememberSession);
  document.addEventListener('visibilitychange', rememberSession);

  function showError(host, message) {
    host.setAttribute('data-chat-status', 'error');
    var paragraph = document.createElement('p');
    paragraph.className = 'chat-widget-error';
    paragraph.textContent = message;
    host.replaceChildren(paragraph);
  }

  function boot(host, config) {
    host.setAttribute('data-chat-status', 'connecting');
    startSession(config)
      .then(function (session) { render(host, config, session); })
      .catch(function () { showError(host, 'The chat is not available right now. Please try again in a few minutes.'); });
  }

  function createLauncher() {
    var titleText = settings.title || 'Chat';
    var panel = document.createElement('section');
    panel.className = 'chat-widget-panel';
    panel.hidden = true;
    panel.tabIndex = -1;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', titleText);

    var header = document.createElement('div');
    header.className = 'chat-widget-header';
    var title = document.createElement('span');
    title.textContent = titleText;
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'chat-widget-close';
    close.setAttribute('aria-label', 'Close the chat');
    close.textContent = '\u00d7';
    header.appendChild(title);
    header.appendChild(close);
    panel.appendChild(header);

    var emergencyNumber = (settings.emergencyNumber || '').trim();
    if (emergencyNumber) {
      panel.appendChild(createEmergencyLine(emergencyNumber));
    }

    var host = document.createElement('div');
    host.className = 'chat-widget-host';
    panel.appendChild(host);

    var launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'chat-widget-launcher';
    launcher.textContent = settings.launcherLabel || 'Chat with us';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-haspopup', 'dialog');

    document.body.appendChild(panel);
    document.body.appendChild(launcher);

    var started = false;
    function toggle(open) {
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', String(open));
      launcher.hidden = open;
      if (open && !started) {
        started = true;
        configure(host);
      }
    }
    launcher.addEventListener('click', function (event) {
      toggle(true);
      // Opened from the keyboard (a click with no pointer): straight to the send box. A tap leaves focus on the panel,
      // so a phone's on-screen keyboard does not cover the conversation before the visitor asks for it.
      if (event.detail === 0) {
        focusSendBoxWhenReady(panel, host);
      } else {
        panel.focus();
      }
    });
    function closePanel() {
      toggle(false);
      launcher.focus();
    }
    close.addEventListener('click', closePanel);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        closePanel();
      }
    });
    // A visitor who was chatting before a reload gets the open chat back.
    if (readSession()) {
      toggle(true);
    }
  }

  // "In an emergency, call 911 now." with the number as a tap-to-call link; built with DOM calls, never as markup.
  function createEmergencyLine(number) {
    var line = document.createElement('p');
    line.className = 'chat-widget-emergency';
    line.setAttribute('role', 'note');
    var link = document.createElement('a');
    link.href = 'tel:' + number.replace(/[^0-9+*#]/g, '');
    link.textContent = number;
    line.appendChild(document.createTextNode('In an emergency, call '));
    line.appendChild(link);
    line.appendChild(document.createTextNode(' now. Do not wait for a chat reply.'));
    return line;
  }

  // Web Chat renders its send box after the connection starts; wait for it (a few seconds at most).
  function focusSendBoxWhenReady(panel, host) {
    var attempts = 0;
    (function tryFocus() {
      if (panel.hidden) {
        return;
      }
      var input = host.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) {
        input.focus();
      } else if (attempts++ < 100) {
        window.setTimeout(tryFocus, 100);
      }
    })();
  }

  function configure(host) {
    if (!window.WebChat) {
      showError(host, 'The chat could not load. Please reload the page.');
      return;
    }
    fetchJson(botOrigin + '/webchat/config', 'GET')
      .then(function (config) { boot(host, config); })
      .catch(function () { showError(host, 'The chat is not available right now. Please try again in a few minutes.'); });
  }

  function start() {
    var target = settings.target && document.getElementById(settings.target);
    if (target) {
      configure(target);
    } else {
      createLauncher();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
