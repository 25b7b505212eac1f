;; rule: threading-executor
;; pack: eventlet
;; goal: remove-eventlet
;; kind: adoption
;; severity: note
;; words: executor
;; message: Runs an oslo.messaging server with the threading executor ({value}).
;; replacement: Nothing to change: this is the executor the goal asks for.
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html https://docs.openstack.org/oslo.messaging/latest/reference/executors.html
; `executor='threading'`, as a keyword argument or assigned to a variable named `executor`: a sign that
; the project runs, or can run, without Eventlet.

(keyword_argument
  name: (identifier) @key
  value: (string) @value
  (#eq? @key "executor")
  (#match? @value "^[rbuRBU]?['\"]threading['\"]$")) @finding

(assignment
  left: (_) @key
  right: [
    (string) @value
    (conditional_expression (string) @value)
  ]
  (#match? @key "(^|\\.)executor$")
  (#match? @value "^[rbuRBU]?['\"]threading['\"]$")) @finding
