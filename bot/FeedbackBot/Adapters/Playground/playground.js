// The playground page: one Web Chat per identity, each on its own Direct Line conversation with the bot that served
// this page. Both run all the time, so a message the bot sends to the other identity (a pulse survey a manager
// starts) arrives while it is hidden; its button then counts what is unread.
(() => {
  'use strict';

  const nonce = document.currentScript.nonce;
  const directLineBase = new URL('/v3/directline', window.location.href).href;
  const storageKey = 'feedbackbot-playground';
  const openedAt = Date.now();
  const status = document.getElementById('playground-status');
  const identities = Array.from(document.querySelectorAll('button[data-user-id]'), button => ({
    userId: button.dataset.userId,
    name: button.dataset.name,
    button,
    badge: button.querySelector('.unread'),
    panel: document.getElementById(button.getAttribute('aria-controls')),
    unread: 0,
    directLine: null
  }));
  const saved = readSaved();
  let current = identities.find(identity => identity.userId === saved.selected) || identities[0];

  function readSaved() {
    try {
      return JSON.parse(window.sessionStorage.getItem(storageKey)) || {};
    } catch {
      return {};
    }
  }

  // A reload keeps each identity's conversation for as long as the bot keeps it and its token still works.
  function save() {
    const conversations = {};
    for (const identity of identities) {
      if (identity.directLine && identity.directLine.conversationId) {
        conversations[identity.userId] = { conversationId: identity.directLine.conversationId, token: identity.directLine.token };
      }
    }

    window.sessionStorage.setItem(storageKey, JSON.stringify({ selected: current.userId, conversations }));
  }

  async function conversationFor(identity) {
    const previous = saved.conversations && saved.conversations[identity.userId];
    if (previous) {
      const resumed = await fetch(`${directLineBase}/conversations/${encodeURIComponent(previous.conversationId)}`, {
        headers: { Authorization: `Bearer ${previous.token}` }
      });
      if (resumed.ok) {
        return resumed.json();
      }
    }

    const started = await fetch(`${directLineBase}/conversations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: identity.userId, name: identity.name } })
    });
    if (!started.ok) {
      throw new Error(`the bot answered ${started.status} when starting ${identity.name}'s conversation`);
    }

    return started.json();
  }

  function initials(name) {
    return name.slice(0, 2).toUpperCase();
  }

  function showUnread(identity) {
    identity.badge.hidden = identity.unread === 0;
    identity.badge.textContent = identity.unread === 0 ? '' : String(identity.unread);
    identity.badge.setAttribute('aria-label', `${identity.unread} unread`);
  }

  function noticeIncoming(identity, activity) {
    if (identity === current || activity.type !== 'message' || !activity.from || activity.from.role !== 'bot') {
      return;
    }

    // History restored after a reload is not news.
    if (Date.parse(activity.timestamp) < openedAt) {
      return;
    }

    identity.unread += 1;
    showUnread(identity);
  }

  function start(identity, conversation) {
    identity.directLine = window.WebChat.createDirectLine({
      domain: directLineBase,
      token: conversation.token,
      conversationId: conversation.conversationId,
      webSocket: false,
      pollingInterval: 500
    });
    const store = window.WebChat.createStore({}, () => next => action => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        noticeIncoming(identity, action.payload.activity);
      }

      return next(action);
    });
    window.WebChat.renderWebChat(
      {
        directLine: identity.directLine,
        store,
        userID: identity.userId,
        username: identity.name,
        nonce,
        styleOptions: {
          hideUploadButton: true,
          botAvatarInitials: 'FB',
          userAvatarInitials: initials(identity.name),
          rootHeight: '100%'
        }
      },
      identity.panel
    );
  }

  function select(identity) {
    current = identity;
    for (const other of identities) {
      other.panel.hidden = other !== identity;
      other.button.setAttribute('aria-pressed', String(other === identity));
    }

    identity.unread = 0;
    showUnread(identity);
    save();
    const input = identity.panel.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) {
      input.focus();
    }
  }

  for (const identity of identities) {
    identity.button.addEventListener('click', () => select(identity));
  }

  window.addEventListener('pagehide', save);

  (async () => {
    try {
      for (const identity of identities) {
        start(identity, await conversationFor(identity));
      }

      select(current);
    } catch (error) {
      status.textContent = `The playground could not start: ${error.message}. Is the bot still running?`;
    }
  })();
})();
