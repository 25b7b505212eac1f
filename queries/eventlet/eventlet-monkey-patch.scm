;; rule: eventlet-monkey-patch
;; pack: eventlet
;; goal: remove-eventlet
;; kind: usage
;; severity: error
;; words: monkey_patch
;; message: {call} is Eventlet's monkey patching of the standard library, for the whole process.
;; replacement: Start the service without monkey patching: choose oslo.service's threading backend
;;   (oslo_service.backend.init_backend(BackendType.THREADING)) and native threads.
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html
; `eventlet.monkey_patch(...)` and `eventlet.patcher.monkey_patch(...)`, also through an alias of the
; module (`patcher.monkey_patch()`), and the function named without a call (`eventlet.monkey_patch = _poison`).
; A project's own `monkey_patch` module is not Eventlet's.

(attribute
  object: (_) @object
  attribute: (identifier) @name
  (#eq? @name "monkey_patch")
  (#match? @object "^(eventlet|eventlet\\.patcher|patcher)$")) @call @finding
