;; rule: oslo-service-threading-backend
;; pack: eventlet
;; goal: remove-eventlet
;; kind: adoption
;; severity: note
;; words: BackendType
;; message: Chooses oslo.service's threading backend ({backend}).
;; replacement: Nothing to change: this is the backend the goal asks for.
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html https://docs.openstack.org/oslo.service/latest/
; `BackendType.THREADING`, however the module is named: a sign that the project runs without Eventlet.

(attribute
  object: [
    (identifier) @type
    (attribute attribute: (identifier) @type)
  ]
  attribute: (identifier) @member
  (#eq? @type "BackendType")
  (#eq? @member "THREADING")) @backend @finding
