;; rule: eventlet-executor
;; pack: eventlet
;; goal: remove-eventlet
;; kind: usage
;; severity: warning
;; words: executor
;; message: Asks oslo.messaging for its eventlet executor ({value}).
;; replacement: Use executor='threading' for RPC and notification servers.
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html https://docs.openstack.org/oslo.messaging/latest/reference/executors.html
; `executor='eventlet'` as a keyword argument (`get_rpc_server(..., executor='eventlet')`), and a
; variable named `executor` set to it (`executor = 'eventlet' if patched else 'threading'`).

(keyword_argument
  name: (identifier) @key
  value: (string) @value
  (#eq? @key "executor")
  (#match? @value "^[rbuRBU]?['\"]eventlet['\"]$")) @finding

(assignment
  left: (_) @key
  right: [
    (string) @value
    (conditional_expression (string) @value)
  ]
  (#match? @key "(^|\\.)executor$")
  (#match? @value "^[rbuRBU]?['\"]eventlet['\"]$")) @finding
