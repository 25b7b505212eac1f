;; rule: eventlet-api
;; pack: eventlet
;; goal: remove-eventlet
;; kind: usage
;; severity: warning
;; words: eventlet greenthread greenlet
;; message: Uses Eventlet ({api}).
;; replacement: Replace it with its standard-library counterpart (time.sleep, threading.Event, threading.Semaphore,
;;   queue.Queue, a native thread for tpool) or an asyncio one; see Eventlet's table of correspondences.
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html https://github.com/eventlet/eventlet/pull/982
; Any other attribute of the eventlet, greenthread or greenlet modules: `eventlet.sleep`,
; `eventlet.tpool.Proxy`, `greenthread.sleep`, `greenlet.getcurrent`, `eventlet.patcher.original`. A use
; is found at its first attribute (`eventlet.tpool.Proxy` is one use, of `eventlet.tpool`). Spawns,
; monkey patching, pools and eventlet.wsgi have rules of their own. The module itself used as a value
; counts too: passed as an argument (`mock.patch.object(eventlet, 'spawn')`), assigned
; (`eventlet = importutils.try_import('eventlet')`), returned or tested (`if eventlet and ...`).

(attribute
  object: (identifier) @module
  attribute: (identifier) @name
  (#any-of? @module "eventlet" "greenthread" "greenlet")
  (#not-any-of? @name "monkey_patch" "spawn" "spawn_n" "spawn_after" "spawn_after_local" "GreenPool" "GreenPile" "greenthread" "patcher" "wsgi")) @api @finding

(attribute
  object: (attribute
    object: (identifier) @module
    attribute: (identifier) @inner)
  attribute: (identifier) @name
  (#eq? @module "eventlet")
  (#any-of? @inner "greenthread" "patcher")
  (#not-any-of? @name "monkey_patch" "spawn" "spawn_n" "spawn_after" "spawn_after_local")) @api @finding

(argument_list
  (identifier) @api @finding
  (#any-of? @api "eventlet" "greenlet"))

(assignment
  left: [
    (identifier)
    (attribute attribute: (identifier))
  ] @api @finding
  (#match? @api "(^|\\.)(eventlet|greenlet)$"))

(return_statement
  (identifier) @api @finding
  (#any-of? @api "eventlet" "greenlet"))

(boolean_operator
  (identifier) @api @finding
  (#any-of? @api "eventlet" "greenlet"))
