;; rule: eventlet-wsgi
;; pack: eventlet
;; goal: remove-eventlet
;; kind: usage
;; severity: warning
;; words: eventlet
;; message: {api} serves HTTP with Eventlet's WSGI server.
;; replacement: Run the API under a WSGI server such as uWSGI or mod_wsgi (the wsgi_scripts entry points) instead
;;   of eventlet.wsgi.
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html
; `eventlet.wsgi` and anything under it (`eventlet.wsgi.server(...)`, `eventlet.wsgi.HttpProtocol`).

(attribute
  object: (identifier) @module
  attribute: (identifier) @name
  (#eq? @module "eventlet")
  (#eq? @name "wsgi")) @api @finding
