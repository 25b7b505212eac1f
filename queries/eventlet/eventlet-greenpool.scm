;; rule: eventlet-greenpool
;; pack: eventlet
;; goal: remove-eventlet
;; kind: usage
;; severity: warning
;; words: GreenPool GreenPile GreenThreadPoolExecutor
;; message: {name} is a pool of green threads.
;; replacement: Use a pool of native threads: concurrent.futures.ThreadPoolExecutor or futurist.ThreadPoolExecutor.
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html
; `eventlet.GreenPool(...)`, `greenpool.GreenPool`, `GreenPile(...)`, and futurist's
; `GreenThreadPoolExecutor`, which runs on Eventlet: called, or named in a type or an isinstance().

(call
  function: (identifier) @name
  (#any-of? @name "GreenPool" "GreenPile" "GreenThreadPoolExecutor")) @finding

(attribute
  attribute: (identifier) @name
  (#any-of? @name "GreenPool" "GreenPile" "GreenThreadPoolExecutor")) @finding
