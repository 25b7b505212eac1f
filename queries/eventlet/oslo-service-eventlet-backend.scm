;; rule: oslo-service-eventlet-backend
;; pack: eventlet
;; goal: remove-eventlet
;; kind: usage
;; severity: warning
;; words: BackendType
;; message: Chooses oslo.service's eventlet backend ({backend}).
;; replacement: Choose the threading backend: oslo_service.backend.init_backend(BackendType.THREADING).
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html https://docs.openstack.org/oslo.service/latest/
; `BackendType.EVENTLET`, however the module is named (`backend.BackendType.EVENTLET`).

(attribute
  object: [
    (identifier) @type
    (attribute attribute: (identifier) @type)
  ]
  attribute: (identifier) @member
  (#eq? @type "BackendType")
  (#eq? @member "EVENTLET")) @backend @finding
